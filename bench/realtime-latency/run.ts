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
import { ACME_PHONE_NUMBER } from "@/local/whatsapp-emulator/phone-numbers";
import { inboundText } from "./inbound";
import { benchRun, countOption, percentile, postWebhook, round, startStack, subscribe } from "./stack";

const TARGETS = { p95_ms: 150 } as const;
const EVENT_TIMEOUT_MS = 5_000;

function parseOptions(argv: string[]): { quick: boolean; n: number; warmup: number } {
  const quick = argv.includes("--quick");
  const n = countOption(argv, quick ? 100 : 500, 100_000, "npm run bench:realtime-latency [-- --quick] [--n N]");
  return { quick, n, warmup: Math.min(30, Math.max(5, Math.ceil(n / 10))) };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  await benchRun("realtime-latency", async (run) => {
    console.log(`realtime-latency: N=${options.n}${options.quick ? " (quick)" : ""}, warm-up ${options.warmup}, one delivery at a time`);
    const { tenant, appSecret, realtimePort, next } = await startStack(run);

    const { client, channel } = await subscribe({
      realtimePort,
      appOrigin: next.origin,
      cookie: tenant.cookie,
      workspaceId: tenant.workspaceId,
    });
    run.onStop("pusher-js client", async () => client.disconnect());
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
    console.log(
      `webhook POST → message.created at the pusher-js client: p50 ${figures.p50_ms} ms, p95 ${figures.p95_ms} ms, max ${figures.max_ms} ms`,
    );
    console.log(
      `  ${figures.received}/${options.n} received, ${missed} missed (none within ${EVENT_TIMEOUT_MS / 1000} s); webhook ack p50 ${figures.ack_p50_ms} ms`,
    );
    const met = missed === 0 && figures.p95_ms < TARGETS.p95_ms;
    console.log(JSON.stringify({ bench: "realtime-latency", figures, targets: TARGETS, met }));
  });
}

void main();
