/**
 * Processing right after the 200, bounded: a burst of deliveries (a campaign's statuses arrive by
 * the thousand) must not turn into as many concurrent transactions, which would take every pooled
 * connection from the acknowledgement path and from the rest of the app. At most CONCURRENCY
 * events are processed at once per process, and only BUSY_CONCURRENCY while acknowledgements are
 * in flight (ack-pressure.ts): processing one event costs about twice the CPU of acknowledging it,
 * so during a burst the 200s come first and the backlog drains in the gaps and right after.
 * The rest wait in memory. The queue is only a speed-up: every event is already stored, so
 * whatever a crash or an overfull queue drops, the recovery sweep processes later.
 */
import { logger } from "@/lib/log";
import { acknowledgementsInFlight, onAcknowledgementsIdle } from "./ack-pressure";
import type { EventOutcome } from "./outcome";
import { processWebhookEvent } from "./process-event";

const log = logger("webhooks.background");

export const CONCURRENCY = 4;
/** While deliveries are being acknowledged: still one at a time, so messages keep arriving. */
export const BUSY_CONCURRENCY = 1;
export const MAX_QUEUED = 5_000;

let running = 0;
const waiting: (() => void)[] = [];

function limit(): number {
  return acknowledgementsInFlight() > 0 ? BUSY_CONCURRENCY : CONCURRENCY;
}

function pump(): void {
  while (running < limit()) {
    const next = waiting.shift();
    if (!next) return;
    running += 1;
    next();
  }
}

onAcknowledgementsIdle(pump);

async function slot(): Promise<void> {
  if (waiting.length === 0 && running < limit()) {
    running += 1;
    return;
  }
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function release(): void {
  running -= 1;
  pump();
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
