/**
 * An agent opened the conversation: its unread count goes to 0 (other agents' lists re-badge via
 * conversation.updated ["unread"]), and Meta gets a read receipt for the newest inbound message
 * (blue ticks for the customer; Meta marks everything before it read too). The receipt is best
 * effort: a Meta failure is logged, never shown — the agent has read the messages either way.
 */
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { tenantDb } from "@/lib/db/tenant";
import { NotFound } from "@/lib/errors";
import { logger } from "@/lib/log";
import { clientForConnection } from "@/lib/services/whatsapp/client-for";
import { connectionForWorkspace } from "@/lib/services/whatsapp/connection-secrets";
import type { DeliveryOptions } from "./deliver";
import { publishConversationUpdated } from "./signals";

const log = logger("inbox.read");

export async function markConversationRead(
  ctx: WorkspaceContext,
  conversationId: string,
  options: DeliveryOptions = {},
): Promise<{ unreadCount: 0; receiptSent: boolean }> {
  authorize(ctx, "conversation:view");
  const conversation = await tenantDb(ctx).conversation.findFirst({
    where: { id: conversationId, workspaceId: ctx.workspaceId },
    select: { id: true, unreadCount: true },
  });
  if (!conversation) throw NotFound("conversationNotFound");

  if (conversation.unreadCount !== 0) {
    await tenantDb(ctx).conversation.updateMany({ where: { id: conversation.id, workspaceId: ctx.workspaceId }, data: { unreadCount: 0 } });
    await publishConversationUpdated(ctx.workspaceId, conversation.id, ["unread"]);
  }

  const newest = await tenantDb(ctx).message.findFirst({
    where: { workspaceId: ctx.workspaceId, conversationId: conversation.id, direction: "inbound", wamid: { not: null } },
    orderBy: [{ timestamp: "desc" }, { id: "desc" }],
    select: { wamid: true },
  });
  if (!newest?.wamid) return { unreadCount: 0, receiptSent: false };
  try {
    const connection = await connectionForWorkspace(ctx.workspaceId);
    if (!connection) return { unreadCount: 0, receiptSent: false };
    await clientForConnection(connection).markAsRead(newest.wamid, options.timeoutMs ? { timeoutMs: options.timeoutMs } : {});
    return { unreadCount: 0, receiptSent: true };
  } catch (error) {
    log.warn({ err: error, conversationId: conversation.id }, "read receipt not sent");
    return { unreadCount: 0, receiptSent: false };
  }
}
