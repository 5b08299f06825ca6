/**
 * The real-time signals of the inbox writes (lib/realtime/events.ts), sent after the change has
 * committed. publishToWorkspace never throws: a real-time hiccup never fails a send.
 */
import { publishToWorkspace } from "@/lib/realtime/publish";
import type { RealtimeEvent } from "@/lib/realtime/events";
import type { MessageStatus } from "@/lib/generated/prisma/enums";

type Change = RealtimeEvent<"conversation.updated">["changes"][number];

const now = () => new Date().toISOString();

export function publishConversationUpdated(workspaceId: string, conversationId: string, changes: Change[]): Promise<void> {
  return publishToWorkspace(workspaceId, "conversation.updated", { conversationId, changes, at: now() });
}

export function publishMessageCreated(workspaceId: string, conversationId: string, messageId: string): Promise<void> {
  return publishToWorkspace(workspaceId, "message.created", { conversationId, messageId, direction: "outbound", at: now() });
}

export function publishMessageStatus(workspaceId: string, conversationId: string, messageId: string, status: MessageStatus): Promise<void> {
  return publishToWorkspace(workspaceId, "message.status", { conversationId, messageId, status, at: now() });
}
