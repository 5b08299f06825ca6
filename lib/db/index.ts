/**
 * The app's one Prisma client. Import it as `import { prisma } from "@/lib/db"`.
 *
 * Prisma 7 talks to Postgres through a driver adapter (`@prisma/adapter-pg` over `pg`). The same
 * code reaches the machine's Postgres, Neon/Vercel Postgres and the embedded PGlite server.
 * No `server-only` import: scripts and vitest import this module too.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { liveEnv } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { sharedPool } from "./pool";

// `Prisma` carries both types (Prisma.UserWhereInput) and values (Prisma.sql, error classes).
export { Prisma } from "@/lib/generated/prisma/client";

/**
 * PrismaPg, created when the client first connects rather than when this module loads: importing
 * `@/lib/db` (which `next build` does while collecting pages) must not require DATABASE_URL.
 */
function lazyPgAdapter(): SqlDriverAdapterFactory {
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect() {
      // `?schema=NAME` (Prisma's convention; tests use it to isolate each file) becomes the
      // adapter's `schema` option, which qualifies every table and enum name in generated SQL.
      // That matters on PGlite, whose connections all share one session and so one search_path.
      // The pool is shared with the few raw hot paths (lib/db/pool.ts); `$disconnect()` ends it.
      const { pool, schema } = sharedPool();
      return new PrismaPg(pool, { ...(schema ? { schema } : {}), disposeExternalPool: true }).connect();
    },
  };
}

function createPrismaClient(): PrismaClient {
  return new PrismaClient({ adapter: lazyPgAdapter() });
}

// `next dev` re-evaluates modules on every edit; caching on globalThis keeps one pool instead of
// leaking a new one per reload. Only there: under vitest each test file must get a client for
// its own DATABASE_URL (schema), never one cached by an earlier file in the same worker.
const globalForPrisma = globalThis as typeof globalThis & { __parleyPrisma?: PrismaClient };

export const prisma: PrismaClient = globalForPrisma.__parleyPrisma ?? createPrismaClient();

if (liveEnv.isDevelopment()) globalForPrisma.__parleyPrisma = prisma;
