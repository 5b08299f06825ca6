/** `npm run db:seed`: seeds DATABASE_URL, or the embedded Postgres of `npm run dev` when unset. */
import { loadEnvFiles } from "../lib/load-env";
import { ensureDatabase } from "../lib/database";

loadEnvFiles();

async function main(): Promise<void> {
  const database = await ensureDatabase({ purpose: "dev" });
  process.env.DATABASE_URL = database.url;
  const { seed } = await import("@/prisma/seed");
  const { prisma } = await import("@/lib/db");
  try {
    await seed();
    console.log("Seeded: demo@parley.dev / parley-demo, workspace Acme with 300 contacts.");
  } finally {
    await prisma.$disconnect();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
