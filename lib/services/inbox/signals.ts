/**
 * The real-time signals of the inbox writes (lib/realtime/events.ts), sent after the change has
 * committed, carrying the bubble and the list row as they now are (lib/realtime/signal-items.ts)
 * so that other agents' screens update without a read of their own. publishToWorkspace never
 * throws, and a failed read of the items only leaves them out: a real-time hiccup never fails a send.
 */
import { publishToWorkspace } from "@/lib/realtime/publish";
import type { RealtimeEvent } from "@/lib/realtime/events";
import { attach, loadSignalItemsOrNone } from "@/lib/realtime/signal-items";
import type { MessageStatus } from "@/lib/generated/prisma/enums";

type Change = RealtimeEvent<"conversation.updated">["changes"][number];

const now = () => new Date().toISOString();

export async function publishConversationUpdated(workspaceId: string, conversationId: string, changes: Change[]): Promise<void> {
  // A note does not change the row; the timeline reads notes itself.
  const rowChanged = changes.some((change) => change !== "note");
  const items = rowChanged ? await loadSignalItemsOrNone(workspaceId, { conversationIds: [conversationId] }) : null;
  await publishToWorkspace(workspaceId, "conversation.updated", attach({ conversationId, changes, at: now() }, { row: items?.row(conversationId) }));
}

export async function publishMessageCreated(workspaceId: string, conversationId: string, messageId: string): Promise<void> {
  const items = await loadSignalItemsOrNone(workspaceId, { conversationIds: [conversationId], messageIds: [messageId] });
  const payload = { conversationId, messageId, direction: "outbound" as const, at: now() };
  await publishToWorkspace(workspaceId, "message.created", attach(payload, { message: items.message(messageId), row: items.row(conversationId) }));
}

export async function publishMessageStatus(workspaceId: string, conversationId: string, messageId: string, status: MessageStatus): Promise<void> {
  const items = await loadSignalItemsOrNone(workspaceId, { messageIds: [messageId] });
  await publishToWorkspace(workspaceId, "message.status", attach({ conversationId, messageId, status, at: now() }, { message: items.message(messageId) }));
}
