/**
 * What an agent does to a conversation from its header: assign it, resolve or reopen it, mark it
 * unread. Each change is one UPDATE scoped by workspace (another workspace's id matches nothing
 * and is NotFound), then the real-time signal, after it committed.
 */
import { Prisma } from "@/lib/db";
import { tenantDb } from "@/lib/db/tenant";
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { Conflict, Invalid, NotFound } from "@/lib/errors";
import { publishMany, toUser, toWorkspace, type RealtimeMessage } from "@/lib/realtime/publish";
import { attach, loadSignalItemsOrNone } from "@/lib/realtime/signal-items";

type Change = "assignee" | "status" | "unread";

/** The change's signal, carrying the row as it now is (other agents' lists update without a read). */
async function updated(ctx: WorkspaceContext, conversationId: string, change: Change): Promise<RealtimeMessage> {
  const items = await loadSignalItemsOrNone(ctx.workspaceId, { conversationIds: [conversationId] });
  return toWorkspace(ctx.workspaceId, "conversation.updated", attach({ conversationId, changes: [change], at: new Date().toISOString() }, { row: items.row(conversationId) }));
}

async function findConversation(ctx: WorkspaceContext, conversationId: string) {
  const row = await tenantDb(ctx).conversation.findFirst({
    where: { id: conversationId, workspaceId: ctx.workspaceId },
    select: { id: true, status: true, assigneeId: true, unreadCount: true },
  });
  if (!row) throw NotFound("conversationNotFound");
  return row;
}

export interface AssignConversationInput {
  conversationId: string;
  /** A member of the workspace, or null to unassign. */
  assigneeId: string | null;
}

/**
 * Assigns (or unassigns) a conversation. The new assignee is told on their own channel, unless
 * they assigned it to themselves.
 */
export async function assignConversation(ctx: WorkspaceContext, input: AssignConversationInput): Promise<void> {
  authorize(ctx, "conversation:assign");
  const conversation = await findConversation(ctx, input.conversationId);
  if (input.assigneeId !== null) {
    const membership = await tenantDb(ctx).membership.findUnique({
      where: { workspaceId_userId: { workspaceId: ctx.workspaceId, userId: input.assigneeId } },
      select: { id: true },
    });
    if (!membership) throw Invalid("assigneeNotMember", { field: "assigneeId" });
  }
  if (conversation.assigneeId === input.assigneeId) return;

  const { count } = await tenantDb(ctx).conversation.updateMany({
    where: { id: conversation.id, workspaceId: ctx.workspaceId },
    data: { assigneeId: input.assigneeId },
  });
  if (count === 0) throw NotFound("conversationNotFound");

  const signals = [await updated(ctx, conversation.id, "assignee")];
  if (input.assigneeId && input.assigneeId !== ctx.userId) {
    signals.push(
      toUser(input.assigneeId, "user.notification", {
        kind: "conversation.assigned",
        workspaceId: ctx.workspaceId,
        conversationId: conversation.id,
        at: new Date().toISOString(),
      }),
    );
  }
  await publishMany(signals);
}

/** Resolved: out of the open lists. Resolving a resolved conversation changes nothing. */
export async function resolveConversation(ctx: WorkspaceContext, conversationId: string): Promise<void> {
  authorize(ctx, "conversation:reply");
  const conversation = await findConversation(ctx, conversationId);
  if (conversation.status === "resolved") return;
  // isOpen null frees the contact's one-open-conversation slot for the customer's next message.
  await tenantDb(ctx).conversation.updateMany({
    where: { id: conversation.id, workspaceId: ctx.workspaceId },
    data: { status: "resolved", isOpen: null, resolvedAt: new Date() },
  });
  await publishMany([await updated(ctx, conversation.id, "status")]);
}

/**
 * Open again. Refused (conflict) when the customer has written since and so already has a newer
 * open conversation: there is one open conversation per contact.
 */
export async function reopenConversation(ctx: WorkspaceContext, conversationId: string): Promise<void> {
  authorize(ctx, "conversation:reply");
  const conversation = await findConversation(ctx, conversationId);
  if (conversation.status === "open") return;
  try {
    await tenantDb(ctx).conversation.updateMany({
      where: { id: conversation.id, workspaceId: ctx.workspaceId },
      data: { status: "open", isOpen: true, resolvedAt: null },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw Conflict("contactHasOpenConversation");
    throw error;
  }
  await publishMany([await updated(ctx, conversation.id, "status")]);
}

/** Back to unread (at least one), so it stands out in the list again. */
export async function markConversationUnread(ctx: WorkspaceContext, conversationId: string): Promise<void> {
  authorize(ctx, "conversation:view");
  const conversation = await findConversation(ctx, conversationId);
  if (conversation.unreadCount > 0) return;
  await tenantDb(ctx).conversation.updateMany({
    where: { id: conversation.id, workspaceId: ctx.workspaceId, unreadCount: 0 },
    data: { unreadCount: 1 },
  });
  await publishMany([await updated(ctx, conversation.id, "unread")]);
}
