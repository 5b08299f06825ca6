/**
 * The conversation timeline: `listMessages` pages newest first (keyset on timestamp, id, served
 * by the conversationId/timestamp index), `getMessage` re-reads one bubble for a live update.
 * Reaction messages are folded onto their target (timeline-message.ts) and never listed alone.
 */
import type { Prisma } from "@/lib/db";
import { tenantDb } from "@/lib/db/tenant";
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { Invalid, NotFound } from "@/lib/errors";
import { decodeCursor, encodeCursor } from "./cursor";
import { timelineMessageSelect, toTimelineMessages, type TimelineMessage } from "./timeline-message";

export type { TimelineMessage, TimelineMedia, TimelineQuote, TimelineReaction } from "./timeline-message";

export const MESSAGES_PAGE_SIZE = 50;
export const MESSAGES_MAX_PAGE_SIZE = 200;

export interface ListMessagesInput {
  conversationId: string;
  /** `nextBefore` of the previous page. */
  before?: string | null;
  limit?: number;
}

export async function listMessages(ctx: WorkspaceContext, input: ListMessagesInput): Promise<{ items: TimelineMessage[]; nextBefore: string | null }> {
  authorize(ctx, "conversation:view");
  const conversation = await tenantDb(ctx).conversation.findFirst({
    where: { id: input.conversationId, workspaceId: ctx.workspaceId },
    select: { id: true },
  });
  if (!conversation) throw NotFound("conversationNotFound");

  const limit = Math.min(Math.max(Math.trunc(input.limit ?? MESSAGES_PAGE_SIZE), 1), MESSAGES_MAX_PAGE_SIZE);
  const before = input.before ? decodeCursor(input.before) : null;
  // Messages always have a timestamp: a cursor without one was not written by us.
  if (before && !before.at) throw Invalid("invalidCursor");
  const where: Prisma.MessageWhereInput = {
    workspaceId: ctx.workspaceId,
    conversationId: conversation.id,
    type: { not: "reaction" },
    ...(before?.at ? { OR: [{ timestamp: { lt: before.at } }, { timestamp: before.at, id: { lt: before.id } }] } : {}),
  };
  const rows = await tenantDb(ctx).message.findMany({
    where,
    select: timelineMessageSelect,
    orderBy: [{ timestamp: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: await toTimelineMessages(ctx.workspaceId, conversation.id, page),
    nextBefore: rows.length > limit && last ? encodeCursor({ at: last.timestamp, id: last.id }) : null,
  };
}

/** One bubble, as listMessages shows it. A reaction message is NotFound: it is not a bubble. */
export async function getMessage(ctx: WorkspaceContext, messageId: string): Promise<TimelineMessage> {
  authorize(ctx, "conversation:view");
  const [message] = await timelineMessagesById(ctx.workspaceId, [messageId]);
  if (!message) throw NotFound("messageNotFound");
  return message;
}

/**
 * The bubbles of `ids` in `workspaceId` (another workspace's ids match nothing; reactions are not
 * bubbles), in no order: what a real-time signal carries (lib/realtime/signal-items.ts).
 */
export async function timelineMessagesById(workspaceId: string, ids: string[]): Promise<TimelineMessage[]> {
  if (ids.length === 0) return [];
  const rows = await tenantDb({ workspaceId }).message.findMany({ where: { id: { in: ids }, workspaceId, type: { not: "reaction" } }, select: timelineMessageSelect });
  const byConversation = new Map<string, typeof rows>();
  for (const row of rows) byConversation.set(row.conversationId, [...(byConversation.get(row.conversationId) ?? []), row]);
  const pages = await Promise.all([...byConversation].map(([conversationId, page]) => toTimelineMessages(workspaceId, conversationId, page)));
  return pages.flat();
}
