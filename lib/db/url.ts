/**
 * Prisma's URL convention puts the Postgres schema in `?schema=NAME`. Prisma 7's pg adapter takes
 * the schema as an option instead, and `pg` would otherwise pass the unknown parameter along, so
 * we split the two here. Safe to import anywhere (no Node-only APIs).
 */
import type { PoolConfig } from "pg";

export interface PgConnection {
  /** `pg` pool settings, with `schema` removed from the connection string. */
  config: PoolConfig;
  /** The Postgres schema to use, or undefined for the server's default (`public`). */
  schema: string | undefined;
}

export function pgConfig(databaseUrl: string, poolOptions: Omit<PoolConfig, "connectionString"> = {}): PgConnection {
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get("schema") || undefined;
  url.searchParams.delete("schema");
  return { config: { ...poolOptions, connectionString: url.toString() }, schema };
}

/** `baseUrl` pointed at `schema` (replacing any schema it already named). */
export function withSchema(baseUrl: string, schema: string): string {
  const url = new URL(baseUrl);
  url.searchParams.set("schema", schema);
  return url.toString();
}

/** A Postgres identifier in double quotes (schema names come from URLs and test prefixes). */
export function quoteIdent(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}
