/**
 * Where the embedded runner keeps its jobs: pg-boss's tables in their own schema of the app's
 * database ("pgboss", or "<schema>_pgboss" beside a DATABASE_URL that names a schema, so each test
 * file and bench run has its own queue), reached through the app's shared pool: no second pool,
 * which on the embedded PGlite (one connection) would interleave with the app's queries.
 */
import type PgBoss from "pg-boss";
import { sharedPool } from "@/lib/db/pool";

export function bossSchema(): string {
  const { schema } = sharedPool();
  return schema && schema !== "public" ? `${schema}_pgboss` : "pgboss";
}

export function jobsDb(): PgBoss.Db {
  return {
    // pg-boss reads `rows` of single statements only; its multi-statement scripts (BEGIN; …;
    // COMMIT, sent without values as one simple-protocol message) are returned as pg gives them.
    executeSql: (text, values) => sharedPool().pool.query(text, values) as unknown as Promise<{ rows: unknown[] }>,
  };
}
