import type { ReactNode } from "react";
import { requireWorkspace } from "@/lib/auth/workspace";
import { listConversations } from "@/lib/services/inbox/list-conversations";
import { ConversationList } from "@/components/inbox/list/conversation-list";
import { InboxPanes } from "@/components/inbox/list/inbox-panes";
import { NewMessageNotifier } from "@/components/inbox/notifications/new-message-notifier";

/**
 * The inbox: the conversation list beside whatever the route shows (page.tsx or a conversation).
 * The new-message notifier lives here, once, so alerts come whichever conversation is open.
 */
export default async function InboxLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { ctx } = await requireWorkspace(slug);
  const first = await listConversations(ctx, { filter: "all" });
  return <InboxPanes list={<ConversationList slug={slug} userId={ctx.userId} initial={first} toolbar={<NewMessageNotifier slug={slug} />} />}>{children}</InboxPanes>;
}
