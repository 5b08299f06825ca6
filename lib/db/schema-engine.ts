/**
 * Prisma's schema engine (the thing behind `prisma migrate`), run from its WebAssembly build.
 *
 * Why not the CLI: `prisma migrate *` downloads a native engine on every run, which this offline
 * machine (and CI) cannot do. The wasm build of the same engine, driven through a pg driver
 * adapter, computes diffs and applies migrations exactly like `prisma migrate deploy` — same
 * `_prisma_migrations` rows and checksums — so production can keep running the standard CLI on
 * the same `prisma/migrations` folder. Node-only: never import this from app code.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import type * as EngineBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import { migrationAdapterFactory } from "./migration-adapter";
import { listMigrations, MIGRATIONS_DIR } from "./migrations";
import { offlineAdapterFactory } from "./offline-adapter";
import { liveEnv } from "@/lib/env";
import { pgConfig, quoteIdent } from "./url";

type EngineModule = typeof EngineBindings;

let engineModule: Promise<EngineModule> | undefined;

/**
 * The package's root imports the .wasm file as an ES module, which Node 20 only allows behind
 * --experimental-wasm-modules. So we instantiate the wasm ourselves and hand its exports to the
 * JS glue, which is what the root module does. Once per process: the glue keeps module state.
 */
function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= (async () => {
    const bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
    const compiled = await WebAssembly.compile(bytes);
    const instance = await WebAssembly.instantiate(compiled, { "./schema_engine_bg.js": withUnrefTimers(bg) });
    const exports = instance.exports as WebAssembly.Exports & { __wbindgen_start: () => void };
    bg.__wbg_set_wasm(exports);
    exports.__wbindgen_start();
    return bg;
  })();
  return engineModule;
}

/**
 * The engine arms timers it never clears (e.g. a 10 s limit on taking the migration lock), which
 * kept every script alive ~10 s after finishing. Unref'd, they still fire but no longer hold the
 * process open; pending database I/O does that while the engine actually works.
 */
function withUnrefTimers(bg: EngineModule): WebAssembly.ModuleImports {
  const imports: WebAssembly.ModuleImports = { ...(bg as unknown as WebAssembly.ModuleImports) };
  for (const name of Object.keys(imports)) {
    if (!name.startsWith("__wbg_setTimeout_")) continue;
    imports[name] = (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref();
  }
  return imports;
}

/** An engine bound to a driver adapter factory; freed after `run`, errors unwrapped. */
async function withEngine<T>(factory: SqlMigrationAwareDriverAdapterFactory, run: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const { SchemaEngine } = await loadEngineModule();
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  // The callback receives the engine's log lines; they are only useful when debugging the engine.
  const log = (line: string) => {
    if (liveEnv.debugSchemaEngine()) console.error("[schema-engine]", line);
  };
  let engine: SchemaEngine | undefined;
  try {
    engine = await SchemaEngine.new({ datamodels: undefined }, log, adapter);
    return await run(engine);
  } catch (error) {
    throw unwrapEngineError(error, adapter.errorRegistry);
  } finally {
    engine?.free();
  }
}

/**
 * A JS error thrown inside the adapter crosses the wasm boundary as "External error id#N", N
 * being its key in the adapter's error registry: hand back the original error instead.
 */
function unwrapEngineError(error: unknown, registry: { consumeError(id: number): { error: unknown } | undefined }): unknown {
  const id = error instanceof Error ? /External error id#(\d+)/.exec(error.message)?.[1] : undefined;
  const record = id === undefined ? undefined : registry.consumeError(Number(id));
  return record ? record.error : error;
}

const NO_FILTERS = { externalTables: [], externalEnums: [] };

/**
 * "Nothing yet" as a datamodel. Diffing from the engine's `empty` target adds
 * `CREATE SCHEMA IF NOT EXISTS "public"`, which `prisma migrate dev` (diffing against a fresh
 * shadow database, where public exists) never writes; a datamodel with no models matches it.
 */
const EMPTY_DATAMODEL = 'datasource db {\n  provider = "postgresql"\n}\n';

/**
 * Migration SQL that takes a database from `fromSchema` (null = empty database) to `toSchema`.
 * Pure computation on the two Prisma schema texts: no database is contacted. Returns "" when
 * the schemas are equivalent (the engine itself says "-- This is an empty migration.").
 */
export async function diffSchemas(fromSchema: string | null, toSchema: string): Promise<string> {
  const file = (content: string) => ({ files: [{ path: "schema.prisma", content }] });
  const result = await withEngine(offlineAdapterFactory(), (engine) =>
    engine.diff({
      from: { tag: "schemaDatamodel", ...file(fromSchema ?? EMPTY_DATAMODEL) },
      to: { tag: "schemaDatamodel", ...file(toSchema) },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    }),
  );
  const sql = result.stdout ?? "";
  return isEmptySql(sql) ? "" : sql;
}

/** True when the SQL holds nothing but comments and whitespace. */
export function isEmptySql(sql: string): boolean {
  return sql.replace(/--.*$/gm, "").trim() === "";
}

/**
 * `prisma migrate deploy`: applies the not-yet-applied `prisma/migrations/<name>/migration.sql`
 * files in order and records each in `_prisma_migrations`. Returns the names just applied.
 * Honours Prisma's `?schema=NAME` URL convention (the schema is created when missing).
 */
export async function applyMigrations(databaseUrl: string, migrationsDir = MIGRATIONS_DIR): Promise<string[]> {
  const migrationsList: MigrationList = await listMigrations(migrationsDir);
  const { config, schema } = pgConfig(databaseUrl);
  // One connection, owned here: the engine takes a session-level advisory lock (as `migrate
  // deploy` does) and only closing the connection reliably releases it — a pool left open would
  // make the next run in this process wait out the engine's 10 s lock timeout.
  const pool = new pg.Pool({ ...config, max: 1, idleTimeoutMillis: 0 });
  try {
    if (schema) {
      // Migration SQL names tables and types unqualified, and the wasm engine does not set
      // search_path from the schema (the native one does, from the URL). A startup
      // `options=-c search_path=…` would do on real Postgres but PGlite ignores it, so SET it on
      // the pool's one connection, which idleTimeoutMillis: 0 keeps for the whole run.
      await pool.query(`SET search_path TO ${quoteIdent(schema)}`);
    }
    const factory = migrationAdapterFactory(pool, schema);
    const output = await withEngine(factory, (engine) => engine.applyMigrations({ migrationsList, filters: NO_FILTERS }));
    // PGlite's single session outlives our connection: give other clients their search_path back.
    if (schema) await pool.query("RESET search_path");
    return output.appliedMigrationNames;
  } finally {
    await pool.end();
  }
}
