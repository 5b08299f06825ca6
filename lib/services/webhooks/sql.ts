/**
 * Names for the few raw SQL statements of this module (row claims, monotonic status updates).
 * Prisma qualifies its own SQL with the adapter's schema (`?schema=` in DATABASE_URL); raw SQL must
 * do the same, because on the embedded PGlite every connection shares one session and so one
 * search_path (see local/postgres/embedded.ts).
 */
import { Prisma } from "@/lib/db";
import { pgConfig, quoteIdent } from "@/lib/db/url";
import { env } from "@/lib/env";

function schema(): string | undefined {
  return env.DATABASE_URL ? pgConfig(env.DATABASE_URL).schema : undefined;
}

/** A table or enum type name, schema-qualified when DATABASE_URL names a schema. */
export function sqlName(name: string): Prisma.Sql {
  const s = schema();
  return Prisma.raw(s ? `${quoteIdent(s)}.${quoteIdent(name)}` : quoteIdent(name));
}

/**
 * A Date as a `timestamp(3)` value in UTC, the way Prisma stores DateTime columns, whatever the
 * session's TimeZone (a Date bound straight into raw SQL would be read in the session's zone).
 */
export function sqlTimestamp(date: Date): Prisma.Sql {
  return Prisma.sql`(${date.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
}

/** The transaction's time as a UTC `timestamp(3)` (for "updatedAt" in raw UPDATEs). */
export const SQL_NOW_UTC = Prisma.sql`(now() AT TIME ZONE 'UTC')`;
