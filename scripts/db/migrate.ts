/**
 * `npm run db:migrate`: what `prisma migrate deploy` does, run through the wasm schema engine
 * (the CLI cannot download its native engine here). Applies prisma/migrations to DATABASE_URL,
 * or, when that is unset outside production, to the embedded dev Postgres (.data/postgres).
 */
import { applyMigrations } from "@/lib/db/schema-engine";
import { ensureDatabase } from "../lib/database";
import { loadEnvFiles } from "../lib/load-env";

async function main(): Promise<void> {
  loadEnvFiles();
  if (!process.env.DATABASE_URL && process.env.NODE_ENV === "production") {
    throw new Error("DATABASE_URL is not set; production never falls back to the embedded Postgres.");
  }
  const database = await ensureDatabase({ purpose: "dev" });
  try {
    const started = Date.now();
    const applied = await applyMigrations(database.url);
    const where = database.embedded ? `embedded Postgres (${database.url})` : "DATABASE_URL";
    if (applied.length === 0) console.log(`Database at ${where} is up to date.`);
    else console.log(`Applied to ${where} in ${Date.now() - started} ms:\n${applied.map((n) => `  ${n}`).join("\n")}`);
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
