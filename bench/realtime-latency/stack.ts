/**
 * What the real-time benchmarks share (bench:realtime-latency, bench:realtime-browser): the whole
 * app as production runs it — `next start` of the current build on a real Postgres schema of its
 * own, the WhatsApp emulator as the Graph API and the local Pusher-protocol server, each in its own
 * process on loopback — a seeded workspace with a member's session, and a pusher-js subscriber.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, existsSync, mkdtempSync, openSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import PusherClient from "pusher-js";
import { workspaceChannel } from "@/lib/realtime/events";
import { freePort } from "@/local/postgres/embedded";
import { ACME_PHONE_NUMBER } from "@/local/whatsapp-emulator/phone-numbers";
import { openBenchDatabase } from "../webhook-ingest/database";
import { fetchWithin, startEmulator, startNext, type Started } from "../webhook-ingest/servers";
import { seedTenant, type BenchTenant } from "./seed";

export const REALTIME_APP = { appId: "parley-bench", key: "parley-bench-key" };

/** The local Pusher-protocol server (`npm run realtime`'s cli.ts) in its own process, like the app's. */
export async function startRealtime(options: {
  port: number;
  secret: string;
  logFile: string;
  track: (s: Started) => void;
}): Promise<Started> {
  const log = openSync(options.logFile, "a");
  const child = spawn(process.execPath, ["--import", "tsx", path.join(process.cwd(), "local", "realtime-server", "cli.ts")], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      REALTIME_PORT: String(options.port),
      PUSHER_APP_ID: REALTIME_APP.appId,
      PUSHER_KEY: REALTIME_APP.key,
      PUSHER_SECRET: options.secret,
    },
    stdio: ["ignore", log, log],
    detached: true,
  });
  closeSync(log);
  const origin = `http://127.0.0.1:${options.port}`;
  const started: Started = {
    name: "realtime server",
    pid: child.pid ?? -1,
    origin,
    stop: async () => {
      if (child.exitCode !== null) return;
      try {
        process.kill(-(child.pid ?? 0), "SIGTERM");
      } catch {
        // Already gone.
      }
      await Promise.race([new Promise((resolve) => child.once("exit", resolve)), sleep(3_000)]);
    },
  };
  options.track(started);
  const deadline = Date.now() + 30_000;
  while (!(await fetchWithin(`${origin}/`, {}, 1_000).catch(() => null))) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the realtime server did not start (see ${options.logFile})`);
    await sleep(100);
  }
  return started;
}

/** A browser's pusher-js connection: private-channel auth through the app's route with the session cookie. */
export async function subscribe(options: { realtimePort: number; appOrigin: string; cookie: string; workspaceId: string }) {
  const client = new PusherClient(REALTIME_APP.key, {
    cluster: "local",
    wsHost: "127.0.0.1",
    wsPort: options.realtimePort,
    forceTLS: false,
    enabledTransports: ["ws"],
    disableStats: true,
    channelAuthorization: {
      customHandler: ({ socketId, channelName }, callback) => {
        fetch(`${options.appOrigin}/api/realtime/auth`, {
          method: "POST",
          headers: { cookie: options.cookie, "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ socket_id: socketId, channel_name: channelName }),
        })
          .then(async (response) => {
            if (!response.ok) throw new Error(`POST /api/realtime/auth answered ${response.status}`);
            callback(null, (await response.json()) as { auth: string });
          })
          .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null));
      },
    },
  });
  const channel = client.subscribe(workspaceChannel(options.workspaceId));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the pusher-js client was not subscribed within 15 s")), 15_000);
    channel.bind("pusher:subscription_succeeded", () => (clearTimeout(timer), resolve()));
    channel.bind(
      "pusher:subscription_error",
      (error: unknown) => (clearTimeout(timer), reject(new Error(`subscription refused: ${JSON.stringify(error)}`))),
    );
  });
  return { client, channel };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const round = (value: number) => Math.round(value * 10) / 10;

export interface BenchStack {
  tenant: BenchTenant;
  appSecret: string;
  realtimePort: number;
  next: Started;
}

/** Starts everything; each started part is registered with `track`/`onStop` for the caller's clean-up. */
export async function startStack(options: {
  logDir: string;
  track: (s: Started) => void;
  onStop: (name: string, run: () => Promise<void>) => void;
}): Promise<BenchStack> {
  const { logDir, track } = options;
  const appSecret = randomBytes(24).toString("hex");
  const encryptionKey = `k1:${randomBytes(32).toString("base64")}`;
  const authSecret = randomBytes(32).toString("base64url");
  const realtimeSecret = randomBytes(24).toString("base64url");

  const database = await openBenchDatabase(process.env.DATABASE_URL);
  options.onStop("schema", () => database.drop());
  const tenant = await seedTenant(database.prisma, ACME_PHONE_NUMBER, { encryptionKey, authSecret });

  const emulator = await startEmulator({ port: await freePort(), appSecret, logFile: path.join(logDir, "emulator.log"), track });
  const realtimePort = await freePort();
  await startRealtime({ port: realtimePort, secret: realtimeSecret, logFile: path.join(logDir, "realtime.log"), track });
  const nextPort = await freePort();
  const env: Record<string, string | undefined> = {};
  // Nothing of the caller's that could reach beyond loopback (object storage, Pusher, Trigger.dev, mail).
  for (const [name, value] of Object.entries(process.env))
    if (!/^(S3_|PUSHER_|NEXT_PUBLIC_PUSHER_|TRIGGER_|SMTP_|VERCEL)/.test(name)) env[name] = value;
  const next = await startNext({
    port: nextPort,
    logFile: path.join(logDir, "next.log"),
    track,
    env: {
      ...env,
      NODE_ENV: "production",
      DATABASE_URL: database.url,
      AUTH_SECRET: authSecret,
      APP_ENCRYPTION_KEY: encryptionKey,
      AUTH_TRUST_HOST: "true",
      APP_URL: `http://127.0.0.1:${nextPort}`,
      META_APP_SECRET: appSecret,
      WHATSAPP_WEBHOOK_VERIFY_TOKEN: randomBytes(16).toString("hex"),
      WHATSAPP_GRAPH_API_URL: emulator.origin,
      STORAGE_DIR: path.join(logDir, "storage"),
      PUSHER_APP_ID: REALTIME_APP.appId,
      PUSHER_KEY: REALTIME_APP.key,
      PUSHER_SECRET: realtimeSecret,
      PUSHER_HOST: "127.0.0.1",
      PUSHER_PORT: String(realtimePort),
      PUSHER_USE_TLS: "false",
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  return { tenant, appSecret, realtimePort, next };
}

/** POSTs a signed delivery to the app's webhook as Meta does; throws unless it is acknowledged. */
export async function postWebhook(origin: string, delivery: { body: string; signature: string }): Promise<void> {
  const answer = await fetchWithin(
    `${origin}/api/webhooks/whatsapp`,
    { method: "POST", headers: { "content-type": "application/json", "x-hub-signature-256": delivery.signature }, body: delivery.body },
    10_000,
  );
  if (answer.status !== 200) throw new Error(`the webhook answered ${answer.status}: ${answer.body.toString().slice(0, 200)}`);
}

export interface BenchRun {
  logDir: string;
  track: (started: Started) => void;
  onStop: (name: string, run: () => Promise<void>) => void;
}

/**
 * The frame of a benchmark run against the production build: refuses without a build, stops
 * everything it started in reverse order (also on Ctrl-C), keeps the logs only when it failed,
 * and exits non-zero only when it could not measure.
 */
export async function benchRun(name: string, body: (run: BenchRun) => Promise<void>): Promise<void> {
  if (!existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) {
    console.error(`bench:${name} measures the production build: run \`npm run build\` first.`);
    process.exit(2);
  }
  const stops: { name: string; run: () => Promise<void> }[] = [];
  const cleanup = async () => {
    for (const step of stops.splice(0).reverse())
      await step.run().catch((e: unknown) => console.error(`bench: cleanup "${step.name}" failed:`, e));
  };
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`\nbench: ${signal}, stopping what it started…`);
    void cleanup().finally(() => process.exit(130));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const logDir = mkdtempSync(path.join(tmpdir(), `parley-bench-${name}-`));
  let keepLogs = true;
  stops.push({
    name: "logs",
    run: async () => (keepLogs ? console.error(`bench: logs kept in ${logDir}`) : rmSync(logDir, { recursive: true, force: true })),
  });
  try {
    await body({
      logDir,
      track: (started) => stops.push({ name: started.name, run: () => started.stop() }),
      onStop: (what, run) => stops.push({ name: what, run }),
    });
    keepLogs = false;
    await cleanup();
  } catch (error) {
    console.error(`bench:${name} could not measure:`, error instanceof Error ? error.message : error);
    await cleanup();
    process.exit(1);
  }
}

/** `--n N` (or `--n=N`) from argv, within 1..max; `fallback` without it. Exits 2 on a bad value. */
export function countOption(argv: string[], fallback: number, max: number, usage: string): number {
  const at = argv.findIndex((arg) => arg === "--n" || arg.startsWith("--n="));
  if (at < 0) return fallback;
  const raw = argv[at]!.includes("=") ? argv[at]!.split("=")[1] : argv[at + 1];
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    console.error(`--n needs an integer from 1 to ${max}, got ${raw ?? "nothing"}\nusage: ${usage}`);
    process.exit(2);
  }
  return n;
}
