/**
 * A driver adapter with no database behind it, for schema-to-schema diffs.
 *
 * The wasm schema engine probes its connection once when it starts (schema exists? server
 * version?) even when the command it then runs never touches a database. We answer that probe
 * as a stock PostgreSQL 15 would and refuse everything else, so a diff can never silently read
 * or write a real database.
 */
import {
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
} from "@prisma/driver-adapter-utils";

const PROBE = /pg_namespace.*version\(\)/s;

function refuse(what: string): Promise<never> {
  return Promise.reject(new Error(`offline schema engine adapter: ${what} needs a database`));
}

function offlineAdapter(): SqlDriverAdapter {
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    async queryRaw(query: SqlQuery): Promise<SqlResultSet> {
      if (!PROBE.test(query.sql)) return refuse(`query ${query.sql.slice(0, 80)}`);
      return {
        columnNames: ["exists", "version", "numeric_version"],
        columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
        rows: [[true, "PostgreSQL 15.0", 150000]],
      };
    },
    executeRaw: (query) => refuse(`statement ${query.sql.slice(0, 80)}`),
    executeScript: () => refuse("a script"),
    startTransaction: () => refuse("a transaction"),
    getConnectionInfo: () => ({ supportsRelationJoins: true }),
    dispose: async () => {},
  };
}

export function offlineAdapterFactory(): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: async () => offlineAdapter(),
    connectToShadowDb: async () => offlineAdapter(),
  };
}
