/**
 * The inbox search as SQL: which conversations match what an agent typed. Contact name, WhatsApp
 * profile name and phone digits (any length), and message text (3 characters or more: below
 * that a trigram index cannot help and 5 million rows would be scanned). Contacts and one-word
 * message searches are an ILIKE '%…%' served by a pg_trgm GIN index (prisma/schema.prisma). A
 * message search of several words is a full-text phrase served by a GIN index of each message's
 * words (Message.previewWords, migration 20261207005441_message_preview_words), because short
 * common words ("ke", "dan") make the trigram index read posting lists of millions of rows.
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
 * Two or more words with a letter or digit among them: message text is then searched as a phrase
 * of whole words, in order and adjacent. Case and punctuation between the words do not matter
 * ("ongkir, KE medan" finds "Ongkir ke Medan?"); parts of words do not match ("ongkir ke med" does
 * not find it, while one word, "med", would match inside "medan"). Postgres's own parser cuts the
 * query into words (phraseto_tsquery: the same cut that made previewWords, and nothing the agent
 * types is an operator). No prefix on the last word: a prefix makes the GIN index collect every
 * word that starts with it, four times slower than whole words at 5 million messages.
 */
export function isPhraseQuery(query: string): boolean {
  return /\s/.test(query) && /[\p{L}\p{N}]/u.test(query);
}

/** A condition on message alias `m`: its text matches `query` (trimmed, 3 characters or more). */
export function messageTextMatches(query: string): Prisma.Sql {
  return isPhraseQuery(query)
    ? Prisma.sql`m."previewWords" @@ phraseto_tsquery('simple', ${query})`
    : Prisma.sql`m."previewText" ILIKE ${containsPattern(query)}`;
}

/**
 * Message text is searched in the newest matching messages only: for a common word, Postgres then
 * walks the (workspaceId, timestamp) index backwards and stops after this many hits instead of
 * fetching hundreds of thousands of rows; a rare word still goes through the trigram index
 * (the planner picks by pg_trgm's estimate). Older matches of a common word are not found: the
 * price of a list that answers in milliseconds at 5 million messages (bench/README.md).
 */
export const MESSAGE_SEARCH_RECENT_HITS = 1_000;

/**
 * A condition on conversation alias `c`: its contact or one of its recent messages matches
 * `query` (already trimmed, non-empty). Postgres turns each IN into a hashed set built once, then
 * walks the list's own index in order and stops at the page's last row: a common match ends the
 * walk early, a rare one keeps both sets small (EXPLAIN ANALYZE in bench/README.md).
 */
export function searchCondition(workspaceId: string, query: string): Prisma.Sql {
  const pattern = containsPattern(query);
  const digits = phoneDigits(query);
  const byContact = Prisma.sql`c."contactId" IN (
    SELECT ct."id" FROM ${table("Contact")} ct
    WHERE ct."workspaceId" = ${workspaceId}
      AND (ct."name" ILIKE ${pattern} OR ct."profileName" ILIKE ${pattern}${digits ? Prisma.sql` OR ct."phone" LIKE ${containsPattern(digits)}` : Prisma.empty})
  )`;
  if (query.length < MESSAGE_SEARCH_MIN_LENGTH) return byContact;
  return Prisma.sql`(${byContact} OR c."id" IN (
    SELECT recent."conversationId" FROM (
      SELECT m."conversationId" FROM ${table("Message")} m
      WHERE m."workspaceId" = ${workspaceId} AND ${messageTextMatches(query)}
      ORDER BY m."timestamp" DESC
      LIMIT ${MESSAGE_SEARCH_RECENT_HITS}
    ) recent
  ))`;
}
