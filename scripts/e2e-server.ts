/**
 * The server end-to-end tests drive: `next start` of the current build, on a database no one else
 * uses — a fresh schema on DATABASE_URL's server, or a throw-away embedded Postgres — with
 * throw-away secrets, and the WhatsApp emulator standing in for Meta (E2E_EMULATOR_PORT), calling
 * the app's webhook, and the local Pusher-protocol server (E2E_REALTIME_PORT, default 6101) unless
 * PUSHER_KEY is set. Requires `next build` first (npm test does it).
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createIsolatedSchemaUrl, dropIsolatedSchema, ensureDatabase } from "./lib/database";
import { ACME_PHONE_NUMBER, startWhatsAppEmulator } from "@/local/whatsapp-emulator";
import { DEFAULT_TEMPLATES } from "@/local/whatsapp-emulator/templates";
import { realtimeEnv, startRealtimeServer } from "@/local/realtime-server";

const NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18];

async function main(): Promise<void> {
  const database = await ensureDatabase({ purpose: "e2e" });
  let url: string;
  if (database.embedded) {
    const { applyMigrations } = await import("@/lib/db/schema-engine");
    await applyMigrations(database.url);
    url = database.url;
  } else {
    url = await createIsolatedSchemaUrl(database.url, "e2e");
  }
  const port = process.env.E2E_PORT ?? "3100";
  const appSecret = randomBytes(16).toString("hex");
  const emulator = await startWhatsAppEmulator({
    port: Number(process.env.E2E_EMULATOR_PORT ?? 4110),
    webhookUrl: `http://127.0.0.1:${port}/api/webhooks/whatsapp`,
    appSecret,
    // A few numbers, so a retried spec can connect a fresh one (a number belongs to one workspace):
    // 1–3 for whatsapp-connect.spec.ts, 4–6 for inbox-live.spec.ts, 7–9 for hydration.spec.ts,
    // 10–12 for consent-stop.spec.ts, 13–15 for templates.spec.ts, 16–18 for campaigns.spec.ts.
    phoneNumbers: NUMBERS.map((i) => ({ ...ACME_PHONE_NUMBER, phoneNumberId: `10000000000000${i}`, wabaId: `20000000000000${i}` })),
    // Meta's sample templates on every WABA (the emulator's default seeds only the first).
    templates: NUMBERS.flatMap((i) => DEFAULT_TEMPLATES.map((template) => ({ ...template, wabaId: `20000000000000${i}` }))),
    // Every message is delivered and read, quickly: the specs watch the ticks advance.
    statuses: { deliveredDelayMs: 300, readDelayMs: 800, deliveredProbability: 1, readProbability: 1 },
  });
  const realtimeSecret = randomBytes(24).toString("base64url");
  const realtime = process.env.PUSHER_KEY
    ? null
    : await startRealtimeServer({ port: Number(process.env.E2E_REALTIME_PORT ?? 6101), secret: realtimeSecret });
  const server = spawn("npx", ["next", "start", "--port", port, "--hostname", "127.0.0.1"], {
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: url,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      APP_ENCRYPTION_KEY: `k1:${randomBytes(32).toString("base64")}`,
      AUTH_TRUST_HOST: "true",
      // As behind one proxy: the specs' browsers each send their own X-Forwarded-For
      // (e2e/helpers.ts asOwnClient), so per-IP limits see separate clients.
      TRUSTED_PROXY_HOPS: "1",
      APP_URL: `http://127.0.0.1:${port}`,
      WHATSAPP_GRAPH_API_URL: emulator.url,
      META_APP_SECRET: appSecret,
      WHATSAPP_WEBHOOK_VERIFY_TOKEN: randomBytes(12).toString("hex"),
      NEXT_TELEMETRY_DISABLED: "1",
      ...(realtime ? realtimeEnv(realtime, realtimeSecret) : {}),
    },
  });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    server.kill("SIGTERM");
    await emulator.stop().catch(() => {});
    await realtime?.stop().catch(() => {});
    if (!database.embedded) await dropIsolatedSchema(url).catch(() => {});
    await database.stop();
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  server.on("exit", (code) => {
    if (!stopping) {
      console.error(`next start exited with ${code}`);
      void database.stop().then(() => process.exit(code ?? 1));
    }
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
