/**
 * Calls the app back like Meta does: POSTs signed JSON (X-Hub-Signature-256: sha256=<hex HMAC of
 * the raw body keyed by the app secret>, and the legacy sha1 X-Hub-Signature), retries non-2xx
 * answers with exponential backoff (a few attempts, not Meta's 7 days), and optionally batches the
 * events of a short window into one POST. Every delivery is kept for inspection.
 */
import { createHmac } from "node:crypto";
import type { Tasks } from "./tasks";
import { sleep } from "./tasks";
import type { WebhookDelivery } from "./types";
import { buildPayload, type WebhookEvent } from "./webhook-payloads";

export interface WebhookSenderOptions {
  url?: string;
  appSecret: string;
  attempts: number;
  baseDelayMs: number;
  timeoutMs: number;
  batching?: { windowMs: number; maxEvents: number };
  /** POSTs in flight at most (Meta does not flood an endpoint either). */
  concurrency: number;
  tasks: Tasks;
  now: () => number;
  log: (line: string) => void;
}

const DELIVERY_LOG_LIMIT = 1000;

export function signature(appSecret: string, body: string, algorithm: "sha256" | "sha1" = "sha256"): string {
  return `${algorithm}=${createHmac(algorithm, appSecret).update(body).digest("hex")}`;
}

interface PendingBatch {
  events: WebhookEvent[];
  waiters: ((delivery: WebhookDelivery | undefined) => void)[];
  timer?: NodeJS.Timeout;
}

export class WebhookSender {
  private readonly deliveries: WebhookDelivery[] = [];
  private readonly controllers = new Set<AbortController>();
  private nextId = 1;
  private batch: PendingBatch | undefined;
  private stopped = false;
  private inFlight = 0;
  private readonly queue: (() => void)[] = [];

  constructor(private readonly options: WebhookSenderOptions) {}

  get url(): string | undefined {
    return this.options.url;
  }

  /** Whether events of a time window share one POST (then a send resolves only when the window closes). */
  get batches(): boolean {
    return this.options.batching !== undefined;
  }

  setUrl(url: string | undefined): void {
    this.options.url = url;
  }

  /** Sends the events (in one POST, or in the current batch); resolves once delivered or given up. */
  send(events: WebhookEvent[], options: { batch?: boolean } = {}): Promise<WebhookDelivery | undefined> {
    if (!this.options.url || this.stopped || events.length === 0) return Promise.resolve(undefined);
    const batching = this.options.batching;
    if (!batching || options.batch === false) return this.options.tasks.track(this.deliver(events));
    // Tracked, so `settle()` also waits for a batch whose window has not closed yet.
    return this.options.tasks.track(
      new Promise<WebhookDelivery | undefined>((resolve) => {
        const batch = (this.batch ??= { events: [], waiters: [] });
        batch.events.push(...events);
        batch.waiters.push(resolve);
        if (batch.events.length >= batching.maxEvents) this.flush();
        else batch.timer ??= setTimeout(() => this.flush(), batching.windowMs);
      }),
    );
  }

  /** Sends the pending batch now. */
  flush(): void {
    const batch = this.batch;
    if (!batch) return;
    this.batch = undefined;
    if (batch.timer) clearTimeout(batch.timer);
    void this.options.tasks.track(this.deliver(batch.events)).then((delivery) => batch.waiters.forEach((resolve) => resolve(delivery)));
  }

  get pendingBatch(): number {
    return this.batch?.events.length ?? 0;
  }

  private async deliver(events: WebhookEvent[]): Promise<WebhookDelivery> {
    const payload = buildPayload(events, this.options.now());
    const body = JSON.stringify(payload);
    const delivery: WebhookDelivery = { id: this.nextId++, payload, body, attempts: [], delivered: false };
    this.deliveries.push(delivery);
    if (this.deliveries.length > DELIVERY_LOG_LIMIT) this.deliveries.shift();

    for (let attempt = 0; attempt < this.options.attempts && !this.stopped; attempt++) {
      if (attempt > 0) await sleep(this.options.baseDelayMs * 2 ** (attempt - 1));
      if (this.stopped || !this.options.url) break;
      await this.acquire();
      if (this.stopped) {
        this.release();
        break;
      }
      const controller = new AbortController();
      this.controllers.add(controller);
      const timeout = setTimeout(() => controller.abort(), this.options.timeoutMs);
      try {
        const response = await fetch(this.options.url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "user-agent": "facebookexternalua",
            "x-hub-signature-256": signature(this.options.appSecret, body),
            "x-hub-signature": signature(this.options.appSecret, body, "sha1"),
          },
          body,
          signal: controller.signal,
        });
        await response.arrayBuffer().catch(() => undefined);
        delivery.attempts.push({ at: this.options.now(), status: response.status });
        this.options.log(`webhook #${delivery.id} attempt ${attempt + 1} → ${response.status}`);
        if (response.ok) {
          delivery.delivered = true;
          break;
        }
      } catch (error) {
        const message = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
        delivery.attempts.push({ at: this.options.now(), error: message });
        this.options.log(`webhook #${delivery.id} attempt ${attempt + 1} failed: ${message}`);
      } finally {
        clearTimeout(timeout);
        this.controllers.delete(controller);
        this.release();
      }
    }
    return delivery;
  }

  private acquire(): Promise<void> {
    if (this.inFlight < this.options.concurrency) {
      this.inFlight++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.queue.push(resolve));
  }

  private release(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.inFlight--;
  }

  log(): WebhookDelivery[] {
    return [...this.deliveries];
  }

  clearLog(): void {
    this.deliveries.length = 0;
  }

  stop(): void {
    this.stopped = true;
    if (this.batch?.timer) clearTimeout(this.batch.timer);
    this.batch?.waiters.forEach((resolve) => resolve(undefined));
    this.batch = undefined;
    for (const controller of this.controllers) controller.abort();
    for (const next of this.queue.splice(0)) next();
  }
}
