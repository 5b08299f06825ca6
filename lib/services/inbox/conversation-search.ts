/**
 * The inbox search as SQL: which conversations match what an agent typed. Contact name, WhatsApp
 * profile name and phone digits (any length), and message text (3 characters or more: below
 * that a trigram index cannot help and 5 million rows would be scanned). Every match is an
 * ILIKE '%…%' served by a pg_trgm GIN index (prisma/schema.prisma).
 */
import { Prisma } from "@/lib/db";
import { table } from "./sql-table";

import { MESSAGE_SEARCH_MIN_LENGTH } from "./filters";

/** `text` as a LIKE pattern matching it anywhere, its own % _ and \ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The digits of a phone-like query ("+62 812-34" → "6281234"), or null when it is not one. */
export function phoneDigits(query: string): string | null {
  if (!/^[+\d\s().-]+$/.test(query)) return null;
  const digits = query.replace(/\D/g, "");
  return digits.length >= 3 ? digits : null;
}

/**
 * A condition on conversation alias `c`: its contact or one of its messages matches `query`
 * (already trimmed, non-empty).
 */
export function searchCondition(workspaceId: string, query: string): Prisma.Sql {
  const pattern = containsPattern(query);
  const digits = phoneDigits(query);
  const contactMatch = Prisma.sql`c."contactId" IN (
    SELECT ct."id" FROM ${table("Contact")} ct
    WHERE ct."workspaceId" = ${workspaceId}
      AND (ct."name" ILIKE ${pattern} OR ct."profileName" ILIKE ${pattern}${digits ? Prisma.sql` OR ct."phone" LIKE ${containsPattern(digits)}` : Prisma.empty})
  )`;
  if (query.length < MESSAGE_SEARCH_MIN_LENGTH) return contactMatch;
  return Prisma.sql`(${contactMatch} OR c."id" IN (
    SELECT m."conversationId" FROM ${table("Message")} m
    WHERE m."workspaceId" = ${workspaceId} AND m."previewText" ILIKE ${pattern}
  ))`;
}
