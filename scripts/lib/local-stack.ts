/**
 * Everything Parley needs on one machine with no accounts, shared by `npm start` (the production
 * build) and `npm run dev` (the development server). Whatever is configured is used as it is;
 * what is not is stood in for:
 * - missing secrets are generated once into .env.local (never committed);
 * - no DATABASE_URL: the embedded Postgres (PGlite, .data/postgres), migrated and seeded with the
 *   demo when empty;
 * - no WHATSAPP_GRAPH_API_URL: the bundled WhatsApp Cloud API emulator (EMULATOR_PORT, default
 *   4010), which calls our webhook like Meta does (the seeded Acme workspace is connected to it);
 * - no PUSHER_KEY: the local Pusher-protocol server (REALTIME_PORT, default 6001).
 */
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { ensureDatabase } from "./database";
import { ensureDevSecrets } from "./dev-secrets";
import { loadEnvFiles } from "./load-env";

export interface LocalStack {
  /** Stops what this call started (the database, emulator and real-time server). */
  stop(): Promise<void>;
}

export async function startLocalStack({ port }: { port: string }): Promise<LocalStack> {
  const generated = ensureDevSecrets();
  loadEnvFiles();
  if (generated.length) console.log(`[parley] generated ${generated.join(", ")} into .env.local`);

  const database = await ensureDatabase({ purpose: "dev" });
  process.env.DATABASE_URL = database.url;
  console.log(`[parley] database: ${database.embedded ? `embedded Postgres (PGlite, .data/postgres) at ${database.url}` : "DATABASE_URL"}`);

  const { applyMigrations } = await import("@/lib/db/schema-engine");
  const applied = await applyMigrations(database.url);
  if (applied.length) console.log(`[parley] applied migrations: ${applied.join(", ")}`);

  const { prisma } = await import("@/lib/db");
  if ((await prisma.user.count()) === 0) {
    const { seed } = await import("@/prisma/seed");
    await seed();
    console.log("[parley] seeded the demo: sign in as demo@parley.dev / parley-demo");
  }
  await prisma.$disconnect();

  const emulator = await startEmulatorUnlessConfigured(port);
  const realtime = await startRealtimeUnlessConfigured();
  return {
    async stop() {
      await emulator?.stop().catch(() => {});
      await realtime?.stop().catch(() => {});
      await database.stop().catch(() => {});
    },
  };
}

/** The emulator stands in for graph.facebook.com and calls our webhook like Meta does. */
async function startEmulatorUnlessConfigured(port: string) {
  if (process.env.WHATSAPP_GRAPH_API_URL) return null;
  const { startWhatsAppEmulator, emulatorPort } = await import("@/local/whatsapp-emulator");
  const emulator = await startWhatsAppEmulator({
    port: emulatorPort(),
    webhookUrl: `http://127.0.0.1:${port}/api/webhooks/whatsapp`,
    appSecret: process.env.META_APP_SECRET!,
  });
  process.env.WHATSAPP_GRAPH_API_URL = emulator.url;
  console.log(`[parley] WhatsApp emulator at ${emulator.url} — send as a customer: ${emulator.url}/_emulator`);
  return emulator;
}

/** Real-time without an account: the local Pusher-protocol server, and PUSHER_* pointing at it. */
async function startRealtimeUnlessConfigured() {
  if (process.env.PUSHER_KEY) return null;
  const { startRealtimeServer, realtimeEnv, DEFAULT_REALTIME_PORT } = await import("@/local/realtime-server");
  const secret = localRealtimeSecret();
  const realtime = await startRealtimeServer({ port: Number(process.env.REALTIME_PORT ?? DEFAULT_REALTIME_PORT), secret });
  Object.assign(process.env, realtimeEnv(realtime, secret));
  console.log(`[parley] real-time: local Pusher-protocol server at ${realtime.url}`);
  return realtime;
}

/** Kept in .env.local beside the other local secrets, so `npm run realtime` alone can share it. */
function localRealtimeSecret(file = ".env.local"): string {
  if (process.env.REALTIME_LOCAL_SECRET) return process.env.REALTIME_LOCAL_SECRET;
  const secret = randomBytes(24).toString("base64url");
  const current = existsSync(file) ? readFileSync(file, "utf8") : "";
  appendFileSync(file, `${current && !current.endsWith("\n") ? "\n" : ""}REALTIME_LOCAL_SECRET=${secret}\n`, { mode: 0o600 });
  process.env.REALTIME_LOCAL_SECRET = secret;
  return secret;
}
