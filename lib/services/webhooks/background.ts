/**
 * Processing right after the 200, bounded: a burst of deliveries (a campaign's statuses arrive by
 * the thousand) must not turn into as many concurrent transactions, which would take every pooled
 * connection from the acknowledgement path and from the rest of the app. At most CONCURRENCY
 * events are processed at once per process; the rest wait in memory. The queue is only a speed-up:
 * every event is already stored, so whatever a crash or an overfull queue drops, the recovery
 * sweep processes later.
 */
import { logger } from "@/lib/log";
import type { EventOutcome } from "./outcome";
import { processWebhookEvent } from "./process-event";

const log = logger("webhooks.background");

export const CONCURRENCY = 4;
export const MAX_QUEUED = 5_000;

let running = 0;
const waiting: (() => void)[] = [];

async function slot(): Promise<void> {
  if (running < CONCURRENCY) {
    running += 1;
    return;
  }
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function release(): void {
  const next = waiting.shift();
  if (next) next();
  else running -= 1;
}

/** Processes the stored event when a slot is free; null when the queue is full (the sweep will). */
export async function processSoon(eventId: string): Promise<EventOutcome | null> {
  if (waiting.length >= MAX_QUEUED) {
    log.warn({ eventId, queued: waiting.length }, "webhook processing queue full; leaving the event to the recovery sweep");
    return null;
  }
  await slot();
  try {
    return await processWebhookEvent(eventId);
  } finally {
    release();
  }
}
