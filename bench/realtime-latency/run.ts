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
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ACME_PHONE_NUMBER } from "@/local/whatsapp-emulator/phone-numbers";
import type { Started } from "../webhook-ingest/servers";
import { inboundText } from "./inbound";
import { percentile, postWebhook, round, startStack, subscribe } from "./stack";

const TARGETS = { p95_ms: 150 } as const;
const EVENT_TIMEOUT_MS = 5_000;

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
    console.log(`realtime-latency: N=${options.n}${options.quick ? " (quick)" : ""}, warm-up ${options.warmup}, one delivery at a time`);
    const { tenant, appSecret, realtimePort, next } = await startStack({ logDir, track, onStop: (name, run) => stops.push({ name, run }) });

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
      await postWebhook(next.origin, delivery);
      const acked = performance.now();
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
