/**
 * An open conversation (/w/[slug]/inbox/[conversationId]): the newest page of messages, the notes
 * and the 24-hour window rendered on the server, then handed to the live client view. The header
 * with the conversation's actions and the contact panel come from the sibling layout.
 */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireWorkspace } from "@/lib/auth/workspace";
import { isAppError } from "@/lib/errors";
import { getConversation } from "@/lib/services/inbox/get-conversation";
import { listMessages } from "@/lib/services/inbox/list-messages";
import { listNotes } from "@/lib/services/inbox/notes";
import { ConversationView } from "@/components/inbox/timeline/conversation-view";
import { toViewMessage, toViewNote } from "@/components/inbox/timeline/to-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("inbox") };
}

/** Another workspace's id, a bad id and a deleted conversation all look the same: not found. */
async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function ConversationPage({ params }: { params: Promise<{ slug: string; conversationId: string }> }) {
  const { slug, conversationId } = await params;
  const { ctx, user } = await requireWorkspace(slug);
  const [conversation, page, notes] = await Promise.all([
    orNotFound(getConversation(ctx, conversationId)),
    orNotFound(listMessages(ctx, { conversationId })),
    orNotFound(listNotes(ctx, conversationId)),
  ]);

  return (
    // Fills the inbox's right pane (components/inbox/list/inbox-panes.tsx), below the layout's header.
    <div className="relative flex h-full min-h-0 min-w-0 flex-1 flex-col" data-testid="conversation-view">
      <ConversationView
        key={conversation.id}
        slug={slug}
        conversationId={conversation.id}
        currentUser={{ id: user.id, name: user.name ?? user.email }}
        initialMessages={page.items.map(toViewMessage).reverse()}
        initialNextBefore={page.nextBefore}
        initialNotes={notes.map(toViewNote)}
        windowExpiresAt={conversation.windowExpiresAt}
      />
    </div>
  );
}
