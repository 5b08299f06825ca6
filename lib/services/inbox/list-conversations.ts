/**
 * The inbox's conversation list: one filter (all / mine / unassigned / unread show open
 * conversations, resolved the resolved ones), an optional search, newest activity first, keyset
 * pages. The ids of a page are chosen in SQL along the (workspaceId, status[, assigneeId],
 * lastMessageAt DESC, id DESC) indexes, then hydrated with Prisma.
 *
 * Order: lastMessageAt DESC (Postgres puts NULLs first there, matching the index), then id DESC.
 */
import { prisma, Prisma } from "@/lib/db";
import { tenantDb } from "@/lib/db/tenant";
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { NotFound } from "@/lib/errors";
import type { ConversationStatus } from "@/lib/generated/prisma/enums";
import { sqlTimestamp } from "@/lib/services/webhooks/sql";
import { table } from "./sql-table";
import { decodeCursor, encodeCursor, type Cursor } from "./cursor";
import { contactDisplayName } from "./get-conversation";
import { searchCondition } from "./conversation-search";
import type { ConversationFilter } from "./filters";

export { CONVERSATION_FILTERS, type ConversationFilter } from "./filters";

export const CONVERSATIONS_PAGE_SIZE = 30;
export const CONVERSATIONS_MAX_PAGE_SIZE = 100;

export interface ConversationListItem {
  id: string;
  status: ConversationStatus;
  unreadCount: number;
  lastMessagePreview: string | null;
  lastMessageAt: Date | null;
  assignee: { id: string; name: string } | null;
  contact: { id: string; displayName: string | null; phone: string | null };
}

export interface ListConversationsInput {
  filter: ConversationFilter;
  search?: string | null;
  cursor?: string | null;
  limit?: number;
}

const itemSelect = {
  id: true,
  status: true,
  unreadCount: true,
  lastMessagePreview: true,
  lastMessageAt: true,
  assignee: { select: { id: true, name: true, email: true } },
  contact: { select: { id: true, name: true, profileName: true, phone: true, waId: true } },
} satisfies Prisma.ConversationSelect;

function toItem(row: Prisma.ConversationGetPayload<{ select: typeof itemSelect }>): ConversationListItem {
  return {
    id: row.id,
    status: row.status,
    unreadCount: row.unreadCount,
    lastMessagePreview: row.lastMessagePreview,
    lastMessageAt: row.lastMessageAt,
    assignee: row.assignee ? { id: row.assignee.id, name: row.assignee.name ?? row.assignee.email } : null,
    contact: { id: row.contact.id, displayName: contactDisplayName(row.contact), phone: row.contact.phone },
  };
}

function filterCondition(ctx: WorkspaceContext, filter: ConversationFilter): Prisma.Sql {
  // Enum literals inline (never parameters): a text parameter would not compare with the enum
  // column, and a cast on the column would hide it from the index.
  const status = Prisma.raw(filter === "resolved" ? `'resolved'` : `'open'`);
  const base = Prisma.sql`c."workspaceId" = ${ctx.workspaceId} AND c."status" = ${status}`;
  switch (filter) {
    case "mine":
      return Prisma.sql`${base} AND c."assigneeId" = ${ctx.userId}`;
    case "unassigned":
      return Prisma.sql`${base} AND c."assigneeId" IS NULL`;
    case "unread":
      return Prisma.sql`${base} AND c."unreadCount" > 0`;
    default:
      return base;
  }
}

/** Rows after `cursor` in (lastMessageAt DESC NULLS FIRST, id DESC) order. */
function afterCursor(cursor: Cursor): Prisma.Sql {
  if (cursor.at === null) return Prisma.sql`((c."lastMessageAt" IS NULL AND c."id" < ${cursor.id}) OR c."lastMessageAt" IS NOT NULL)`;
  return Prisma.sql`(c."lastMessageAt", c."id") < (${sqlTimestamp(cursor.at)}, ${cursor.id})`;
}

export async function listConversations(ctx: WorkspaceContext, input: ListConversationsInput): Promise<{ items: ConversationListItem[]; nextCursor: string | null }> {
  authorize(ctx, "conversation:view");
  const limit = Math.min(Math.max(Math.trunc(input.limit ?? CONVERSATIONS_PAGE_SIZE), 1), CONVERSATIONS_MAX_PAGE_SIZE);
  const search = input.search?.trim() ?? "";
  const conditions = [filterCondition(ctx, input.filter)];
  if (search) conditions.push(searchCondition(ctx.workspaceId, search));
  if (input.cursor) conditions.push(afterCursor(decodeCursor(input.cursor)));

  const page = await prisma.$queryRaw<{ id: string }[]>`
    SELECT c."id" FROM ${table("Conversation")} c
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY c."lastMessageAt" DESC, c."id" DESC
    LIMIT ${limit + 1}`;
  const ids = page.slice(0, limit).map((r) => r.id);
  const rows = await tenantDb(ctx).conversation.findMany({ where: { id: { in: ids }, workspaceId: ctx.workspaceId }, select: itemSelect });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toItem(row)] : [];
  });
  const last = items[items.length - 1];
  return { items, nextCursor: page.length > limit && last ? encodeCursor({ at: last.lastMessageAt, id: last.id }) : null };
}

/** One row of the list, for a live update (a new message, an assignment…). */
export async function getConversationListItem(ctx: WorkspaceContext, conversationId: string): Promise<ConversationListItem> {
  authorize(ctx, "conversation:view");
  const [item] = await conversationListItems(ctx.workspaceId, [conversationId]);
  if (!item) throw NotFound("conversationNotFound");
  return item;
}

/**
 * The list rows of `ids` in `workspaceId` (another workspace's ids match nothing), in no order:
 * what a real-time signal carries to every member (lib/realtime/signal-items.ts).
 */
export async function conversationListItems(workspaceId: string, ids: string[]): Promise<ConversationListItem[]> {
  if (ids.length === 0) return [];
  const rows = await tenantDb({ workspaceId }).conversation.findMany({ where: { id: { in: ids }, workspaceId }, select: itemSelect });
  return rows.map(toItem);
}
