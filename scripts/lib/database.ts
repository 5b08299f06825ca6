/**
 * Which database a script, the tests or the end-to-end run talk to.
 *
 * DATABASE_URL set → that server. Unset → the embedded PGlite Postgres: for `dev`, the persistent
 * one in .data/postgres on port 54329 (shared with a running `npm run dev`); for `test` and `e2e`,
 * a throw-away one in a fresh temp folder (copied from a cached initdb) on a free port.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createIsolatedSchema, dropIsolatedSchema } from "@/lib/db/isolated-schema";
import { freePort, startEmbeddedPostgres } from "@/local/postgres/embedded";
import { copyFreshDataDir } from "@/local/postgres/template";

export type DatabasePurpose = "dev" | "test" | "e2e";

export interface Database {
  url: string;
  /** True when we started (or reused) the embedded PGlite rather than using DATABASE_URL. */
  embedded: boolean;
  /** Stops what this call started (and deletes a throw-away data folder); no-op otherwise. */
  stop(): Promise<void>;
}

export async function ensureDatabase({ purpose }: { purpose: DatabasePurpose }): Promise<Database> {
  const configured = process.env.DATABASE_URL;
  if (configured) return { url: configured, embedded: false, stop: async () => {} };
  // One pooled connection per process on PGlite (lib/db/pool.ts says why); children inherit it.
  process.env.DATABASE_POOL_MAX ??= "1";

  if (purpose === "dev") {
    const postgres = await startEmbeddedPostgres({ dataDir: ".data/postgres", port: 54329 });
    return { url: postgres.url, embedded: true, stop: postgres.stop };
  }

  const dataDir = await mkdtemp(path.join(tmpdir(), `parley-pg-${purpose}-`));
  try {
    await copyFreshDataDir(dataDir);
    const postgres = await startEmbeddedPostgres({ dataDir, port: await freePort() });
    return {
      url: postgres.url,
      embedded: true,
      stop: async () => {
        await postgres.stop();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * A new schema named `<prefix>_…` in the database at `baseUrl`, with every migration applied;
 * returns `baseUrl?schema=<it>`. Lets a run share a server without touching anyone's data.
 * The same code gives each vitest file its own schema (test/setup-db.ts).
 */
export async function createIsolatedSchemaUrl(baseUrl: string, prefix: string): Promise<string> {
  return (await createIsolatedSchema(baseUrl, prefix)).url;
}

/** Drops the schema named in `url`'s `?schema=` (CASCADE). */
export { dropIsolatedSchema };
