/**
 * Processing right after the 200, bounded: a burst of deliveries (a campaign's statuses arrive by
 * the thousand) must not turn into as many concurrent transactions, which would take every pooled
 * connection from the acknowledgement path and from the rest of the app. At most CONCURRENCY
 * events are processed at once per process, and only BUSY_CONCURRENCY while acknowledgements are
 * in flight (ack-pressure.ts): processing one event costs about twice the CPU of acknowledging it,
 * so during a burst the 200s come first and the backlog drains in the gaps and right after.
 * The rest wait in memory, up to MAX_QUEUED. The queue is only a speed-up: every event is already
 * stored. When a burst overflows it, the events it turned away are fetched back from the database
 * as soon as the queue empties (drainBacklog), in batches, oldest first; what a crash drops, the
 * recovery sweep processes later.
 */
import { logger } from "@/lib/log";
import { YieldingSlots } from "./ack-pressure";
import type { EventOutcome } from "./outcome";
import { processWebhookEvent } from "./process-event";
import { freshUnprocessedEventIds } from "./recover";

const log = logger("webhooks.background");

export const CONCURRENCY = 4;
/** While deliveries are being acknowledged: still one at a time, so messages keep arriving. */
export const BUSY_CONCURRENCY = 1;
export const MAX_QUEUED = 5_000;
/** Events fetched back per batch once an overflowed queue has emptied. */
export const BACKLOG_BATCH = 500;

const slots = new YieldingSlots(CONCURRENCY, BUSY_CONCURRENCY);
/** Events were turned away since the last backlog drain started. */
let overflowed = false;
let draining: Promise<void> | null = null;

const idleWaiters: (() => void)[] = [];

function isIdle(): boolean {
  return slots.running === 0 && slots.waiting === 0 && !draining;
}

function release(): void {
  slots.release();
  if (overflowed && slots.running === 0 && slots.waiting === 0) void drainBacklog();
  notifyIfIdle();
}

function notifyIfIdle(): void {
  if (isIdle()) for (const resolve of idleWaiters.splice(0)) resolve();
}

/** Resolves once nothing is processing or waiting in this process (tests; a graceful stop). */
export function whenProcessingIdle(): Promise<void> {
  if (isIdle()) return Promise.resolve();
  return new Promise((resolve) => idleWaiters.push(resolve));
}

/**
 * Processes the events an overflowing queue turned away: batches of never-attempted events, until
 * none is left or a batch makes no progress (its events were all claimed elsewhere, deferred or
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

/** Processes the stored event when a slot is free; null when the queue is full (the sweep will). */
export async function processSoon(eventId: string): Promise<EventOutcome | null> {
  if (slots.waiting >= MAX_QUEUED) {
    if (!overflowed)
      log.warn(
        { eventId, queued: slots.waiting },
        "webhook processing queue full; the backlog is drained from the database once it empties",
      );
    overflowed = true;
    return null;
  }
  await slots.acquire();
  try {
    return await processWebhookEvent(eventId);
  } finally {
    release();
  }
}
