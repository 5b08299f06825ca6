/**
 * The pg driver adapter the schema engine applies migrations through.
 *
 * PrismaPg's `executeScript` splits a script on every ";" and runs the pieces one by one, which
 * breaks valid SQL (a ';' inside a string literal or a $$ function body) and loses atomicity.
 * `prisma migrate deploy`'s native engine sends each migration.sql as ONE multi-statement query,
 * which Postgres runs as a single implicit transaction; we do the same, so a migration that
 * deploys on Vercel also applies here, all or nothing.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { DriverAdapterError, type SqlDriverAdapter, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";

/** A Postgres error as the engine understands it (it then records the message in `logs`). */
function toDriverAdapterError(error: unknown): unknown {
  if (!(error instanceof pg.DatabaseError)) return error;
  return new DriverAdapterError({
    kind: "postgres",
    code: error.code ?? "N/A",
    severity: error.severity ?? "N/A",
    message: error.message,
    detail: error.detail,
    column: error.column,
    hint: error.hint,
    originalCode: error.code,
    originalMessage: error.message,
  });
}

function withWholeScripts(adapter: SqlDriverAdapter, pool: pg.Pool): SqlDriverAdapter {
  adapter.executeScript = async (script: string) => {
    try {
      await pool.query(script);
    } catch (error) {
      throw toDriverAdapterError(error);
    }
  };
  return adapter;
}

/** PrismaPg over `pool` (whose lifetime the caller owns), running scripts whole. */
export function migrationAdapterFactory(pool: pg.Pool, schema: string | undefined): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaPg(pool, schema ? { schema } : undefined);
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => withWholeScripts(await inner.connect(), pool),
    connectToShadowDb: () => inner.connectToShadowDb(),
  };
}
