/**
 * Once per `vitest run`: find the Postgres server the tests use. DATABASE_URL set → that server
 * (only ever touched through throw-away schemas, see setup-db.ts). Unset → a throw-away embedded
 * PGlite in a temp folder on a free port, stopped and deleted at the end.
 */
import type { TestProject } from "vitest/node";
import { ensureDatabase } from "@/scripts/lib/database";

declare module "vitest" {
  export interface ProvidedContext {
    /** The test server's URL, without `?schema=`. */
    databaseBaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  const database = await ensureDatabase({ purpose: "test" });
  if (database.embedded) console.log(`[test] embedded Postgres up in ${Date.now() - started} ms at ${database.url}`);
  project.provide("databaseBaseUrl", database.url);
  return () => database.stop();
}
