/**
 * Fires signed deliveries with autocannon's programmatic API: `connections` keep-alive connections,
 * one request in flight on each, until `amount` responses. Every request takes the next delivery
 * from a shared feed (so bodies never repeat within a target's ledger), and every answer is
 * recorded against its delivery: the ledger says which deliveries were acknowledged (2xx).
 */
import autocannon from "autocannon";
import type { Delivery } from "./deliveries";

export interface LoadResult {
  label: string;
  sent: number;
  ok: number;
  non2xx: number;
  /** Connection errors and timeouts (no answer at all). */
  errors: number;
  timeouts: number;
  /** From the first request to the last answer (autocannon itself reports on whole-second ticks). */
  seconds: number;
  /** 2xx answers per second of that time. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  statusCounts: Record<string, number>;
}

/** Which delivery each request carried, and the status it was answered with (none: no answer). */
export class Ledger {
  readonly sent = new Set<number>();
  readonly answers = new Map<number, number>();

  acked(index: number): boolean {
    const status = this.answers.get(index);
    return status !== undefined && status >= 200 && status < 300;
  }
}

/** Hands out deliveries in order; `cycle` restarts from the first (only where duplicates do not matter). */
export class Feed {
  private cursor = 0;

  constructor(
    private readonly deliveries: Delivery[],
    private readonly cycle: boolean,
  ) {}

  next(): Delivery {
    if (this.cursor >= this.deliveries.length) {
      if (!this.cycle) throw new Error("bench: ran out of planned deliveries");
      this.cursor = 0;
    }
    return this.deliveries[this.cursor++]!;
  }

  get used(): number {
    return this.cursor;
  }
}

interface RequestContext {
  delivery?: number;
  startedAt?: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

let running: autocannon.Instance | undefined;

/** Stops the run in progress (Ctrl-C). */
export function stopLoad(): void {
  running?.stop();
}

export async function fire(options: {
  label: string;
  origin: string;
  path: string;
  amount: number;
  connections: number;
  feed: Feed;
  ledger?: Ledger;
  timeoutSeconds?: number;
  /** Requests per second across all connections (open loop); undefined: each connection sends as soon as answered. */
  overallRate?: number;
}): Promise<LoadResult> {
  const { feed, ledger } = options;
  const latencies = new Float64Array(options.amount + options.connections * 4);
  let okCount = 0;
  let answered = 0;
  let lastAnswerAt = 0;
  const statusCounts: Record<string, number> = {};

  const started = performance.now();
  let finish!: (error: unknown, result: autocannon.Result) => void;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    finish = (error, result) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(result));
  });
  const instance = autocannon(
    {
      url: options.origin,
      connections: Math.min(options.connections, options.amount),
      pipelining: 1,
      amount: options.amount,
      timeout: options.timeoutSeconds ?? 30,
      ...(options.overallRate ? { overallRate: options.overallRate } : {}),
      requests: [
        {
          method: "POST",
          path: options.path,
          setupRequest: (request, state) => {
            const context = state as RequestContext;
            const delivery = feed.next();
            context.delivery = delivery.index;
            context.startedAt = performance.now();
            ledger?.sent.add(delivery.index);
            return {
              ...request,
              headers: { ...request.headers, "content-type": "application/json", "x-hub-signature-256": delivery.signature },
              body: delivery.body,
            };
          },
          onResponse: (status, _body, state) => {
            const context = state as RequestContext;
            statusCounts[status] = (statusCounts[status] ?? 0) + 1;
            if (context.delivery !== undefined) ledger?.answers.set(context.delivery, status);
            if (status >= 200 && status < 300) {
              if (context.startedAt !== undefined && okCount < latencies.length) latencies[okCount] = performance.now() - context.startedAt;
              okCount++;
            }
            answered++;
            lastAnswerAt = performance.now();
          },
        },
      ],
    },
    (error: unknown, result: autocannon.Result) => finish(error, result),
  );
  running = instance;
  const result = await finished.finally(() => {
    running = undefined;
  });
  const seconds = ((lastAnswerAt || performance.now()) - started) / 1000;
  const sorted = latencies.slice(0, Math.min(okCount, latencies.length)).sort();
  return {
    label: options.label,
    sent: result.requests.sent,
    ok: okCount,
    non2xx: answered - okCount,
    errors: result.errors,
    timeouts: result.timeouts,
    seconds,
    rps: okCount / seconds,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.length > 0 ? sorted[sorted.length - 1]! : 0,
    statusCounts,
  };
}
