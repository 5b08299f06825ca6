/**
 * The contacts table's order and its keyset cursor. Every order ends on the id, so a page boundary
 * is one exact row: the cursor holds that row's sort value and id, and the next page is "after it"
 * in the same order, never an OFFSET (which reads and throws away every earlier row: slow at 100k).
 * Empty values (no name, never wrote) come last in either direction.
 */
import { z } from "zod";
import type { Prisma } from "@/lib/db";

export const SORT_FIELDS = ["createdAt", "name", "lastInboundAt", "phone"] as const;
export type SortField = (typeof SORT_FIELDS)[number];

export const contactSortSchema = z.object({ by: z.enum(SORT_FIELDS).default("createdAt"), dir: z.enum(["asc", "desc"]).default("desc") });
export type ContactSort = z.infer<typeof contactSortSchema>;
export const DEFAULT_SORT: ContactSort = { by: "createdAt", dir: "desc" };

const DATE_FIELDS = new Set<SortField>(["createdAt", "lastInboundAt"]);

/** The boundary row: its sort value (ISO for dates, null when empty) and id. */
export interface Cursor {
  value: string | null;
  id: string;
}

const cursorSchema = z.tuple([z.string().max(300).nullable(), z.string().min(1).max(64)]);

export function encodeCursor(sort: ContactSort, row: { id: string } & Partial<Record<SortField, Date | string | null>>): string {
  const value = row[sort.by];
  const text = value instanceof Date ? value.toISOString() : (value ?? null);
  return Buffer.from(JSON.stringify([text, row.id])).toString("base64url");
}

/** The cursor as sent back by a client, or null when it is not one of ours (the first page then). */
export function decodeCursor(sort: ContactSort, cursor: string): Cursor | null {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    if (!parsed.success) return null;
    const [value, id] = parsed.data;
    if (value === null ? sort.by === "createdAt" : DATE_FIELDS.has(sort.by) && Number.isNaN(Date.parse(value))) return null;
    return { value, id };
  } catch {
    return null;
  }
}

/** The order, ascending or descending; `reverse` walks it backwards (for the previous page). */
export function sortOrder(sort: ContactSort, reverse = false): Prisma.ContactOrderByWithRelationInput[] {
  const flip = (dir: "asc" | "desc") => (reverse ? (dir === "asc" ? "desc" : "asc") : dir);
  const dir = flip(sort.dir);
  // Backwards, the empty values that come last going forward come first.
  const nulls = reverse ? "first" : "last";
  const first: Prisma.ContactOrderByWithRelationInput =
    sort.by === "createdAt" ? { createdAt: dir } : { [sort.by]: { sort: dir, nulls } };
  return [first, { id: dir }];
}

/** The rows strictly after the cursor in that order (or before it, `reverse`). */
export function afterCursor(sort: ContactSort, cursor: Cursor, reverse = false): Prisma.ContactWhereInput {
  const forward = sort.dir === "asc" !== reverse; // walking ascending?
  const beyond = forward ? "gt" : "lt";
  const field = sort.by;
  const value = cursor.value === null ? null : DATE_FIELDS.has(field) ? new Date(cursor.value) : cursor.value;
  const idBeyond = { id: { [beyond]: cursor.id } };
  // The redundant bound (≥ or ≤ the cursor's value) lets Postgres read the index as a range from
  // the cursor instead of filtering every entry before it (page 1,500: 38 ms → under 1 ms).
  const bound = { [forward ? "gte" : "lte"]: value };
  if (field === "createdAt" && value !== null) return { createdAt: bound, OR: [{ createdAt: { [beyond]: value } }, { createdAt: value, ...idBeyond }] };
  // Forward, nulls come last: after a value come greater values, then every null; after a null,
  // only nulls with a greater id. Backwards, the mirror image.
  if (!reverse) {
    if (value === null) return { [field]: null, ...idBeyond };
    return { OR: [{ [field]: { [beyond]: value } }, { [field]: value, ...idBeyond }, { [field]: null }] };
  }
  if (value === null) return { OR: [{ [field]: null, ...idBeyond }, { [field]: { not: null } }] };
  return { [field]: bound, OR: [{ [field]: { [beyond]: value } }, { [field]: value, ...idBeyond }] };
}
