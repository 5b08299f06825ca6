/**
 * Processing right after the 200, bounded and batched: a burst of deliveries (a campaign's
 * statuses arrive by the thousand) must not turn into as many concurrent transactions, which would
 * take every pooled connection from the acknowledgement path and from the rest of the app. Events
 * wait in memory (up to MAX_QUEUED) and are handed to processWebhookEventBatch (process-batch.ts)
 * up to BATCH_SIZE at a time, whatever has arrived when a slot frees: one event alone when the
 * line is quiet, a few hundred in one transaction during a storm. At most CONCURRENCY batches run
 * at once per process, and only BUSY_CONCURRENCY while acknowledgements are in flight
 * (ack-pressure.ts), so during a burst the 200s come first and the backlog drains in the gaps and
 * right after. The queue is only a speed-up: every event is already stored. When a burst
 * overflows it, the events it turned away are fetched back from the database as soon as the queue
 * empties (drainBacklog), in batches, oldest first; what a crash drops, the recovery sweep
 * processes later.
 */
import { logger } from "@/lib/log";
import { YieldingSlots } from "./ack-pressure";
import type { EventOutcome } from "./outcome";
import { BATCH_SIZE, processWebhookEventBatch } from "./process-batch";
import { freshUnprocessedEventIds } from "./recover";

const log = logger("webhooks.background");

/** Batches at once when no delivery is being acknowledged. */
export const CONCURRENCY = 2;
/** While deliveries are being acknowledged: one batch at a time, so messages keep arriving. */
export const BUSY_CONCURRENCY = 1;
export const MAX_QUEUED = 5_000;
/** Events fetched back per round once an overflowed queue has emptied. */
export const BACKLOG_BATCH = 500;

interface Queued {
  eventId: string;
  resolve: (outcome: EventOutcome | null) => void;
  reject: (error: unknown) => void;
}

const slots = new YieldingSlots(CONCURRENCY, BUSY_CONCURRENCY);
const queue: Queued[] = [];
/** A runner is waiting for a slot; it takes what is queued when it gets one. */
let runnerWaiting = false;
/** Events were turned away since the last backlog drain started. */
let overflowed = false;
let draining: Promise<void> | null = null;

const idleWaiters: (() => void)[] = [];

function isIdle(): boolean {
  return slots.running === 0 && queue.length === 0 && !runnerWaiting && !draining;
}

function notifyIfIdle(): void {
  if (isIdle()) for (const resolve of idleWaiters.splice(0)) resolve();
}

/** Resolves once nothing is processing or waiting in this process (tests; a graceful stop). */
export function whenProcessingIdle(): Promise<void> {
  if (isIdle()) return Promise.resolve();
  return new Promise((resolve) => idleWaiters.push(resolve));
}

async function runBatch(batch: Queued[]): Promise<void> {
  try {
    const outcomes = await processWebhookEventBatch(batch.map((q) => q.eventId));
    batch.forEach((q, i) => q.resolve(outcomes[i] ?? null));
  } catch (error) {
    for (const q of batch) q.reject(error);
  }
}

/** Starts one runner for the queued events unless one already waits for a slot. */
function pump(): void {
  if (runnerWaiting || queue.length === 0) return;
  runnerWaiting = true;
  void slots.acquire().then(async () => {
    runnerWaiting = false;
    const batch = queue.splice(0, BATCH_SIZE);
    pump(); // more queued: the next runner waits for the next free slot
    try {
      if (batch.length > 0) await runBatch(batch);
    } finally {
      slots.release();
      if (overflowed && slots.running === 0 && queue.length === 0 && !runnerWaiting) void drainBacklog();
      pump();
      notifyIfIdle();
    }
  });
}

/**
 * Processes the events an overflowing queue turned away: rounds of never-attempted events, until
 * none is left or a round makes no progress (its events were all claimed elsewhere, deferred or
 * failed: those are the recovery sweep's, with their backoff). Resolves when done.
 */
export function drainBacklog(): Promise<void> {
  draining ??= (async () => {
    try {
      for (;;) {
        overflowed = false;
        const ids = await freshUnprocessedEventIds(BACKLOG_BATCH);
        if (ids.length === 0) return;
        const outcomes = await Promise.all(ids.map((id) => processSoon(id)));
        if (!outcomes.some((outcome) => outcome?.result === "processed")) return;
      }
    } catch (error) {
      log.error({ err: error }, "webhook backlog drain failed; the recovery sweep will process the rest");
    } finally {
      draining = null;
      notifyIfIdle();
    }
  })();
  return draining;
}

/** Processes the stored event with the next batch; null when the queue is full (the drain or the sweep will). */
export function processSoon(eventId: string): Promise<EventOutcome | null> {
  if (queue.length >= MAX_QUEUED) {
    if (!overflowed)
      log.warn({ eventId, queued: queue.length }, "webhook processing queue full; the backlog is drained from the database once it empties");
    overflowed = true;
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    queue.push({ eventId, resolve, reject });
    pump();
  });
}
