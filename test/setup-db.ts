/**
 * Runs in every test file before the file's own imports are evaluated: gives the file a fresh
 * Postgres schema holding the current migrations, and points DATABASE_URL at it (`?schema=`),
 * so `@/lib/db` — imported later by the file — only ever sees this file's data. Files can run in
 * parallel without cleaning up after each other. The schema is dropped when the file is done.
 */
import { afterAll, inject } from "vitest";
import type * as Db from "@/lib/db";
import { createIsolatedSchema } from "@/lib/db/isolated-schema";

const started = performance.now();
const isolated = await createIsolatedSchema(inject("databaseBaseUrl"), "test");
process.env.DATABASE_URL = isolated.url;
if (process.env.DEBUG_TEST_DB) {
  console.log(`[test] schema ${isolated.schema} ready in ${Math.round(performance.now() - started)} ms`);
}

afterAll(async () => {
  // Close the file's pool before dropping its schema. `@/lib/db` is already loaded when the file
  // used it; when it did not, loading it here costs nothing (its client connects lazily).
  // Partial: a file that vi.mock()s `@/lib/db` may provide no client at all.
  const db: Partial<typeof Db> = await import("@/lib/db");
  await db.prisma?.$disconnect();
  await isolated.drop();
});
