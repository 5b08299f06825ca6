/**
 * Opaque keyset cursors for the inbox lists: the sort key of the last row shown, base64url-encoded
 * JSON, so a page boundary never shifts when rows are added above it (unlike OFFSET). Clients pass
 * the string back untouched; a cursor that does not decode is `invalid`, never a crash or a
 * silently wrong page.
 */
import { z } from "zod";
import { Invalid } from "@/lib/errors";

const cursorSchema = z.object({
  /** The row's sort time (ISO), or null for rows without one (sorted last). */
  t: z.string().datetime().nullable(),
  id: z.string().min(1).max(64),
});

export interface Cursor {
  at: Date | null;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify({ t: cursor.at?.toISOString() ?? null, id: cursor.id })).toString("base64url");
}

export function decodeCursor(value: string): Cursor {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    throw Invalid("invalidCursor");
  }
  const parsed = cursorSchema.safeParse(json);
  if (!parsed.success) throw Invalid("invalidCursor");
  return { at: parsed.data.t ? new Date(parsed.data.t) : null, id: parsed.data.id };
}
