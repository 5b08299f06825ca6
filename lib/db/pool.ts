/**
 * The app's one `pg` connection pool, shared by Prisma (through `@prisma/adapter-pg`) and by the
 * very few hot paths that skip Prisma's query layer for a single prepared statement (the webhook's
 * acknowledgement INSERT: Prisma costs ~0.35–0.7 ms of CPU per query there, `pg` ~0.1 ms; see
 * bench/README.md, "webhook-ingest"). One pool, so those paths add no connections.
 *
 * Created on first use, not at import: `next build` imports this while collecting pages, without a
 * DATABASE_URL. A pool that was ended (Prisma's `$disconnect()` ends it) is replaced on next use.
 */
import pg from "pg";
import { liveEnv } from "@/lib/env";
import { pgConfig, quoteIdent } from "./url";

export const POOL_SIZE = 10;

/**
 * DATABASE_POOL_MAX overrides POOL_SIZE. The scripts set it to 1 for the embedded PGlite
 * (scripts/lib/database.ts): its one session runs the messages of all connections in arrival
 * order, so two connections' extended-protocol sequences can interleave outside a transaction
 * and break each other ("portal does not exist"); one connection serialises them.
 */
function poolSize(): number {
  return liveEnv.databasePoolMax() ?? POOL_SIZE;
}

interface SharedPool {
  pool: pg.Pool;
  /** The Postgres schema named by `?schema=` in DATABASE_URL, if any. */
  schema: string | undefined;
  url: string;
}

let current: SharedPool | undefined;

function databaseUrl(): string {
  const url = liveEnv.databaseUrl();
  if (!url) throw new Error("DATABASE_URL is not set (npm run dev starts the embedded Postgres and sets it).");
  return url;
}

export function sharedPool(): SharedPool {
  const url = databaseUrl();
  if (!current || current.pool.ended || current.url !== url) {
    // No JIT (a startup option, so every connection has it from the start): the planner compiles
    // any query it costs above 500,000 with LLVM, and an "any of" contacts filter (ORed EXISTS)
    // spent 130–160 ms of a 200 ms count compiling (bench/README.md, "contacts-table"); this app's
    // queries are short. The embedded PGlite has no JIT and ignores the option.
    const { config, schema } = pgConfig(url, { max: poolSize(), options: "-c jit=off" });
    const pool = new pg.Pool(config);
    // An idle client losing its connection (server restart) must not crash the process; the pool
    // drops it and the next query opens a new one.
    pool.on("error", () => undefined);
    current = { pool, schema, url };
  }
  return current;
}

/** A table name for raw SQL, qualified with the pool's schema when DATABASE_URL names one. */
export function qualifiedTable(name: string): string {
  const { schema } = sharedPool();
  return schema ? `${quoteIdent(schema)}.${quoteIdent(name)}` : quoteIdent(name);
}
