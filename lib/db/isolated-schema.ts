/**
 * A fresh Postgres schema holding the current migrations, for one test file or one e2e run.
 *
 * Faster than the schema engine (no wasm start, no `_prisma_migrations` bookkeeping) and safe on
 * PGlite, where every connection shares one session: each migration goes out as ONE simple-query
 * message `BEGIN; SET LOCAL search_path …; <sql>; COMMIT`, so the search_path change can neither
 * leak to nor be disturbed by other connections (PGlite runs a message to completion, and the
 * socket server keeps other connections out while a transaction is open).
 * Node-only (reads prisma/migrations).
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { listMigrations } from "./migrations";
import { pgConfig, quoteIdent, withSchema } from "./url";

let migrationScripts: Promise<string[]> | undefined;

/** The migrations' SQL in order, read once per process. */
function loadMigrationScripts(): Promise<string[]> {
  migrationScripts ??= listMigrations().then((list) =>
    list.migrationDirectories.map((dir) => {
      const content = dir.migrationFile.content;
      if (content.tag === "error") throw new Error(`prisma/migrations/${dir.path}: ${content.value}`);
      return content.value;
    }),
  );
  return migrationScripts;
}

export interface IsolatedSchema {
  /** `baseUrl` with `?schema=<name>`: what DATABASE_URL should be for code using this schema. */
  url: string;
  schema: string;
  /** DROP SCHEMA … CASCADE. */
  drop(): Promise<void>;
}

async function withClient<T>(baseUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(pgConfig(baseUrl).config);
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Creates `<prefix>_<random>` in the database at `baseUrl` and applies every migration to it. */
export async function createIsolatedSchema(baseUrl: string, prefix = "test"): Promise<IsolatedSchema> {
  const schema = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`.toLowerCase();
  const scripts = await loadMigrationScripts();
  await withClient(baseUrl, async (client) => {
    await client.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
    for (const sql of scripts) {
      try {
        await client.query(
          `BEGIN;\nSET LOCAL search_path TO ${quoteIdent(schema)};\nSET LOCAL synchronous_commit TO off;\n${sql}\n;COMMIT;`,
        );
      } catch (error) {
        // A failed statement leaves the transaction open; on PGlite that would hold every other
        // connection until this one closed.
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      }
    }
  });
  const url = withSchema(baseUrl, schema);
  return { url, schema, drop: () => dropIsolatedSchema(url) };
}

/** DROP SCHEMA … CASCADE for the schema named in `url`'s `?schema=`. */
export async function dropIsolatedSchema(url: string): Promise<void> {
  const { schema } = pgConfig(url);
  if (!schema || schema === "public") throw new Error(`refusing to drop schema ${schema ?? "(none)"} of ${url}`);
  await withClient(url, (client) => client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`));
}
