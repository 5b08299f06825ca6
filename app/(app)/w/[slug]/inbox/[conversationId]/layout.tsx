import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { requireWorkspace } from "@/lib/auth/workspace";
import { isAppError } from "@/lib/errors";
import { getConversation } from "@/lib/services/inbox/get-conversation";
import { listAssignableMembers } from "@/lib/services/inbox/assignable-members";
import { getContactPanel } from "@/lib/services/contacts/contact-panel";
import { ConversationHeader } from "@/components/inbox/header/conversation-header";
import { ContactPanel } from "@/components/inbox/panel/contact-panel";

/** One conversation: its header above the timeline and composer (page.tsx), the contact panel beside. */
export default async function ConversationLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string; conversationId: string }> }) {
  const { slug, conversationId } = await params;
  const { ctx } = await requireWorkspace(slug);
  const conversation = await getConversation(ctx, conversationId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const [members, contact] = await Promise.all([listAssignableMembers(ctx), getContactPanel(ctx, conversation.contact.id)]);
  return (
    <div className="flex min-w-0 flex-1">
      <div className="flex min-w-0 flex-1 flex-col">
        <ConversationHeader slug={slug} conversation={conversation} members={members} userId={ctx.userId} />
        <div className="min-h-0 flex-1">{children}</div>
      </div>
      <ContactPanel slug={slug} initial={contact} conversationReferral={conversation.referral} />
    </div>
  );
}
