/**
 * `npm run dev`: Parley on one machine with no configuration. Generates missing dev secrets,
 * starts the embedded Postgres when DATABASE_URL is unset, applies migrations, seeds an empty
 * database, starts the bundled WhatsApp Cloud API emulator when WHATSAPP_GRAPH_API_URL is unset
 * (the seeded Acme workspace is connected to it), starts the local Pusher-protocol server when
 * PUSHER_KEY is unset (REALTIME_PORT, default 6001; the emulator's EMULATOR_PORT, default 4010), then runs `next dev` on http://localhost:3000
 * (PORT to change it).
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { loadEnvFiles } from "./lib/load-env";
import { ensureDevSecrets } from "./lib/dev-secrets";
import { ensureDatabase } from "./lib/database";

async function main(): Promise<void> {
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

  const port = process.env.PORT ?? "3000";
  const emulator = await startEmulatorUnlessConfigured(port);
  const realtime = await startRealtimeUnlessConfigured();

  const next = spawn("npx", ["next", "dev", "--port", port], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  const shutdown = async (code: number) => {
    await emulator?.stop().catch(() => {});
    await realtime?.stop().catch(() => {});
    await database.stop().catch(() => {});
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => next.kill(signal));
  next.on("exit", (code) => void shutdown(code ?? 0));
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

/** Kept in .env.local beside the other dev secrets, so `npm run realtime` alone can share it. */
function localRealtimeSecret(file = ".env.local"): string {
  if (process.env.REALTIME_LOCAL_SECRET) return process.env.REALTIME_LOCAL_SECRET;
  const secret = randomBytes(24).toString("base64url");
  const current = existsSync(file) ? readFileSync(file, "utf8") : "";
  appendFileSync(file, `${current && !current.endsWith("\n") ? "\n" : ""}REALTIME_LOCAL_SECRET=${secret}\n`, { mode: 0o600 });
  process.env.REALTIME_LOCAL_SECRET = secret;
  return secret;
}

main().catch((error: unknown) => {
  console.error("[parley] could not start:", error);
  process.exit(1);
});
