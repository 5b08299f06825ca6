/**
 * The list's pure rules, kept out of React so they can be tested: does a refreshed row still
 * belong under the current filter, and where does it go (newest activity first, like the server).
 */
import type { ConversationFilter, ConversationListItem } from "@/lib/services/inbox/list-conversations";

export function belongsTo(item: ConversationListItem, filter: ConversationFilter, userId: string): boolean {
  if (filter === "resolved") return item.status === "resolved";
  if (item.status !== "open") return false;
  if (filter === "mine") return item.assignee?.id === userId;
  if (filter === "unassigned") return item.assignee === null;
  if (filter === "unread") return item.unreadCount > 0;
  return true;
}

const time = (item: ConversationListItem) => (item.lastMessageAt ? new Date(item.lastMessageAt).getTime() : Number.POSITIVE_INFINITY);

/** The server's order: lastMessageAt descending (none first), then id descending. */
export function compareRows(a: ConversationListItem, b: ConversationListItem): number {
  return time(b) - time(a) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/**
 * `rows` with `item` refreshed: replaced in place and re-sorted, inserted when it newly belongs
 * (only when it sorts above the last loaded row, or nothing more is to load: otherwise a later
 * page will bring it), removed when it no longer belongs. `searching`: a row not already shown
 * is never added, since whether it matches the search is the server's call.
 */
export function upsertRow(
  rows: ConversationListItem[],
  item: ConversationListItem,
  options: { filter: ConversationFilter; userId: string; searching: boolean; complete: boolean },
): ConversationListItem[] {
  const without = rows.filter((r) => r.id !== item.id);
  const present = without.length !== rows.length;
  if (!belongsTo(item, options.filter, options.userId)) return present ? without : rows;
  if (!present && options.searching) return rows;
  const last = without[without.length - 1];
  if (!present && !options.complete && last && compareRows(item, last) > 0) return rows;
  return [...without, item].sort(compareRows);
}

/** Appends a page, skipping rows already shown (a row may have moved between pages). */
export function appendPage(rows: ConversationListItem[], page: ConversationListItem[]): ConversationListItem[] {
  const seen = new Set(rows.map((r) => r.id));
  return [...rows, ...page.filter((r) => !seen.has(r.id))];
}
