/**
 * A page of the contacts table: the filter (search, conditions, a segment's) in the sort asked,
 * keyset-paginated both ways, with the total that matches. Two indexed queries and a count; the
 * page is read with `take: size + 1` to know whether another follows without counting past it.
 */
import { tenantDb } from "@/lib/db/tenant";
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { type ContactFilter, EMPTY_FILTER } from "./filter/schema";
import { afterCursor, type ContactSort, decodeCursor, DEFAULT_SORT, encodeCursor, sortOrder } from "./filter/sort";
import { filterWhere } from "./filter/to-where";
import { workspaceFilterContext } from "./filter/context";

export const CONTACTS_PAGE_SIZE = 50;

export const contactRowSelect = {
  id: true,
  name: true,
  profileName: true,
  phone: true,
  email: true,
  customFields: true,
  optedOutAt: true,
  optedInAt: true,
  lastInboundAt: true,
  referralSourceId: true,
  createdAt: true,
  groups: { select: { group: { select: { id: true, name: true } } } },
  tags: { select: { tag: { select: { id: true, name: true, color: true } } } },
} as const;

export interface ListContactsOptions {
  filter?: ContactFilter;
  sort?: ContactSort;
  /** A page boundary from an earlier page: `after` for the next page, `before` for the previous. */
  after?: string;
  before?: string;
  pageSize?: number;
}

export async function listContacts(ctx: WorkspaceContext, options: ListContactsOptions = {}) {
  authorize(ctx, "contact:view");
  const sort = options.sort ?? DEFAULT_SORT;
  const size = Math.min(Math.max(options.pageSize ?? CONTACTS_PAGE_SIZE, 1), 200);
  const where = filterWhere(options.filter ?? EMPTY_FILTER, await workspaceFilterContext(ctx));
  const backwards = !options.after && options.before !== undefined;
  const cursor = options.after ? decodeCursor(sort, options.after) : options.before ? decodeCursor(sort, options.before) : null;
  const db = tenantDb(ctx);

  const [rows, total] = await Promise.all([
    db.contact.findMany({
      where: cursor ? { AND: [where, afterCursor(sort, cursor, backwards)] } : where,
      select: contactRowSelect,
      orderBy: sortOrder(sort, backwards && cursor !== null),
      take: size + 1,
    }),
    db.contact.count({ where }),
  ]);
  const more = rows.length > size;
  const page = rows.slice(0, size);
  if (backwards && cursor) page.reverse();
  const first = page[0];
  const last = page.at(-1);
  // Going forward, a previous page exists when we came from a cursor; going back, when more rows
  // were found before this page's first; the next page always exists when we came back from one.
  const hasNext = backwards && cursor ? true : more;
  const hasPrevious = backwards && cursor ? more : cursor !== null;
  return {
    contacts: page.map(({ groups, tags, ...contact }) => ({ ...contact, groups: groups.map((g) => g.group), tags: tags.map((t) => t.tag) })),
    nextCursor: hasNext && last ? encodeCursor(sort, last) : undefined,
    previousCursor: hasPrevious && first ? encodeCursor(sort, first) : undefined,
    total,
  };
}

export type ContactRow = Awaited<ReturnType<typeof listContacts>>["contacts"][number];
