/**
 * `npm run bench:realtime-latency [-- --quick] [--n N]`
 *
 * How long a customer's message takes to appear in an open inbox: from the moment Meta's signed
 * webhook is POSTed to `next start` of the current build until a pusher-js client — authorised
 * through the real POST /api/realtime/auth with a member's session cookie, subscribed to the
 * workspace channel on the local Pusher-protocol server (its own process) — receives
 * `message.created`. N deliveries one after another (an inbox's traffic is a trickle, not a
 * flood), after a warm-up. Real Postgres, the WhatsApp emulator as the Graph API, all on loopback.
 * Prints p50, p95 and max, and last one line of JSON (bench/README.md). Exits 0 whether or not the
 * target is met; non-zero only when it could not measure. Needs `npm run build` first.
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
import { inboundText } from "./inbound";
import { seedTenant } from "./seed";

const TARGETS = { p95_ms: 150 } as const;
const EVENT_TIMEOUT_MS = 5_000;
const REALTIME_APP = { appId: "parley-bench", key: "parley-bench-key" };

function parseOptions(argv: string[]): { quick: boolean; n: number; warmup: number } {
  const quick = argv.includes("--quick");
  let n = quick ? 100 : 500;
  const at = argv.findIndex((arg) => arg === "--n" || arg.startsWith("--n="));
  if (at >= 0) {
    const raw = argv[at]!.includes("=") ? argv[at]!.split("=")[1] : argv[at + 1];
    n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > 100_000) {
      console.error(`--n needs an integer from 1 to 100000, got ${raw ?? "nothing"}\nusage: npm run bench:realtime-latency [-- --quick] [--n N]`);
      process.exit(2);
    }
  }
  return { quick, n, warmup: Math.min(30, Math.max(5, Math.ceil(n / 10))) };
}

/** The local Pusher-protocol server (`npm run realtime`'s cli.ts) in its own process, like the app's. */
async function startRealtime(options: { port: number; secret: string; logFile: string; track: (s: Started) => void }): Promise<Started> {
  const log = openSync(options.logFile, "a");
  const child = spawn(process.execPath, ["--import", "tsx", path.join(process.cwd(), "local", "realtime-server", "cli.ts")], {
    env: { PATH: process.env.PATH, NODE_ENV: "production", REALTIME_PORT: String(options.port), PUSHER_APP_ID: REALTIME_APP.appId, PUSHER_KEY: REALTIME_APP.key, PUSHER_SECRET: options.secret },
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
async function subscribe(options: { realtimePort: number; appOrigin: string; cookie: string; workspaceId: string }) {
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
    channel.bind("pusher:subscription_error", (error: unknown) => (clearTimeout(timer), reject(new Error(`subscription refused: ${JSON.stringify(error)}`))));
  });
  return { client, channel };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (value: number) => Math.round(value * 10) / 10;

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (!existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) {
    console.error("bench:realtime-latency measures the production build: run `npm run build` first.");
    process.exit(2);
  }
  const stops: { name: string; run: () => Promise<void> }[] = [];
  const cleanup = async () => {
    for (const step of stops.splice(0).reverse()) await step.run().catch((e: unknown) => console.error(`bench: cleanup "${step.name}" failed:`, e));
  };
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`\nbench: ${signal}, stopping what it started…`);
    void cleanup().finally(() => process.exit(130));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const logDir = mkdtempSync(path.join(tmpdir(), "parley-bench-realtime-"));
  let keepLogs = true;
  stops.push({ name: "logs", run: async () => (keepLogs ? console.error(`bench: logs kept in ${logDir}`) : rmSync(logDir, { recursive: true, force: true })) });
  const track = (started: Started) => stops.push({ name: started.name, run: () => started.stop() });

  try {
    const appSecret = randomBytes(24).toString("hex");
    const encryptionKey = `k1:${randomBytes(32).toString("base64")}`;
    const authSecret = randomBytes(32).toString("base64url");
    const realtimeSecret = randomBytes(24).toString("base64url");
    console.log(`realtime-latency: N=${options.n}${options.quick ? " (quick)" : ""}, warm-up ${options.warmup}, one delivery at a time`);

    const database = await openBenchDatabase(process.env.DATABASE_URL);
    stops.push({ name: "schema", run: () => database.drop() });
    const tenant = await seedTenant(database.prisma, ACME_PHONE_NUMBER, { encryptionKey, authSecret });

    const emulator = await startEmulator({ port: await freePort(), appSecret, logFile: path.join(logDir, "emulator.log"), track });
    const realtimePort = await freePort();
    await startRealtime({ port: realtimePort, secret: realtimeSecret, logFile: path.join(logDir, "realtime.log"), track });
    const nextPort = await freePort();
    const env: Record<string, string | undefined> = {};
    // Nothing of the caller's that could reach beyond loopback (object storage, Pusher, Trigger.dev, mail).
    for (const [name, value] of Object.entries(process.env)) if (!/^(S3_|PUSHER_|NEXT_PUBLIC_PUSHER_|TRIGGER_|SMTP_|VERCEL)/.test(name)) env[name] = value;
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

    const { client, channel } = await subscribe({ realtimePort, appOrigin: next.origin, cookie: tenant.cookie, workspaceId: tenant.workspaceId });
    stops.push({ name: "pusher-js client", run: async () => client.disconnect() });
    let waiting: ((at: number) => void) | null = null;
    channel.bind("message.created", () => {
      const at = performance.now();
      waiting?.(at);
      waiting = null;
    });

    const latencies: number[] = [];
    const acks: number[] = [];
    let missed = 0;
    for (let i = 0; i < options.warmup + options.n; i++) {
      const delivery = inboundText(ACME_PHONE_NUMBER, appSecret, i);
      const received = new Promise<number | null>((resolve) => {
        const timer = setTimeout(() => resolve(null), EVENT_TIMEOUT_MS);
        waiting = (at) => (clearTimeout(timer), resolve(at));
      });
      const sent = performance.now();
      const answer = await fetchWithin(
        `${next.origin}/api/webhooks/whatsapp`,
        { method: "POST", headers: { "content-type": "application/json", "x-hub-signature-256": delivery.signature }, body: delivery.body },
        10_000,
      );
      const acked = performance.now();
      if (answer.status !== 200) throw new Error(`the webhook answered ${answer.status}: ${answer.body.toString().slice(0, 200)}`);
      const at = await received;
      if (i < options.warmup) continue;
      acks.push(acked - sent);
      if (at === null) missed += 1;
      else latencies.push(at - sent);
    }

    latencies.sort((a, b) => a - b);
    acks.sort((a, b) => a - b);
    const figures = {
      n: options.n,
      received: latencies.length,
      missed,
      p50_ms: round(percentile(latencies, 50)),
      p95_ms: round(percentile(latencies, 95)),
      max_ms: round(latencies.at(-1) ?? NaN),
      ack_p50_ms: round(percentile(acks, 50)),
    };
    console.log(`webhook POST → message.created at the pusher-js client: p50 ${figures.p50_ms} ms, p95 ${figures.p95_ms} ms, max ${figures.max_ms} ms`);
    console.log(`  ${figures.received}/${options.n} received, ${missed} missed (none within ${EVENT_TIMEOUT_MS / 1000} s); webhook ack p50 ${figures.ack_p50_ms} ms`);
    const met = missed === 0 && figures.p95_ms < TARGETS.p95_ms;
    keepLogs = false;
    await cleanup();
    console.log(JSON.stringify({ bench: "realtime-latency", figures, targets: TARGETS, met }));
  } catch (error) {
    console.error("bench:realtime-latency could not measure:", error instanceof Error ? error.message : error);
    await cleanup();
    process.exit(1);
  }
}

void main();
