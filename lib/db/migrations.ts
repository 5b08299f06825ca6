/**
 * Reads `prisma/migrations` the way Prisma's CLI does (packages/migrate listMigrations): every
 * sub-directory is a migration, sorted by name, its SQL in `migration.sql`; loose files such as
 * `migration_lock.toml` and our `schema.snapshot.prisma` are not migrations.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { MigrationDirectory, MigrationList } from "@prisma/schema-engine-wasm";

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));
export const LOCKFILE = "migration_lock.toml";

async function readOrNull(file: string): Promise<string | null> {
  return readFile(file, "utf8").catch(() => null);
}

export async function listMigrations(migrationsDir = MIGRATIONS_DIR): Promise<MigrationList> {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const migrationDirectories: MigrationDirectory[] = await Promise.all(
    names.map(async (name) => {
      const content = await readOrNull(path.join(migrationsDir, name, "migration.sql"));
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: content === null ? { tag: "error", value: "missing migration.sql" } : { tag: "ok", value: content },
        },
      } satisfies MigrationDirectory;
    }),
  );
  return {
    baseDir: migrationsDir,
    lockfile: { path: LOCKFILE, content: await readOrNull(path.join(migrationsDir, LOCKFILE)) },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}
