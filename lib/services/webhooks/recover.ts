/**
 * The recovery sweep: events stored but never processed (a crash or redeploy after the 200, a
 * database hiccup, statuses waiting for their message) are processed again, in batches
 * (process-batch.ts). Each is claimed inside the batch's transaction (FOR UPDATE SKIP LOCKED), so
 * two sweepers — or a sweeper and the request's own `after()` — never process one event at once;
 * the loser skips it.
 *
 * Backoff: an event becomes due `olderThanMs × 2^attempts` after it was received (30 s, 1 min,
 * 2 min, … with the default), and after MAX_ATTEMPTS it is left for an operator (its `error` says
 * why; resetting `attempts` to 0 requeues it).
 */
import { prisma } from "@/lib/db";
import type { WebhookHooks } from "./hooks";
import { BATCH_SIZE, processWebhookEventBatch } from "./process-batch";
import { MAX_ATTEMPTS } from "./process-event";
import { sqlName } from "./sql";

export interface SweepOptions {
  /** Leave events younger than this to the request's own `after()` (default 30 s). */
  olderThanMs?: number;
  /** Events per sweep (default 100), oldest first. */
  limit?: number;
  maxAttempts?: number;
  hooks?: WebhookHooks;
}

/**
 * Never-attempted events, oldest first, however young: the backlog left when the in-memory queue
 * overflowed during a burst (background.ts). Events already attempted keep their backoff.
 */
export async function freshUnprocessedEventIds(limit: number): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT id FROM ${sqlName("WebhookEvent")}
    WHERE "processedAt" IS NULL AND attempts = 0
    ORDER BY "receivedAt"
    LIMIT ${limit}`;
  return rows.map((row) => row.id);
}

export interface SweepResult {
  due: number;
  processed: number;
  deferred: number;
  failed: number;
  /** Claimed by another worker meanwhile. */
  skipped: number;
}

export async function processPendingWebhookEvents(options: SweepOptions = {}): Promise<SweepResult> {
  const { olderThanMs = 30_000, limit = 100, maxAttempts = MAX_ATTEMPTS, hooks } = options;
  const due = await prisma.$queryRaw<{ id: string }[]>`
    SELECT id FROM ${sqlName("WebhookEvent")}
    WHERE "processedAt" IS NULL
      AND attempts < ${maxAttempts}
      AND "receivedAt" <= (now() AT TIME ZONE 'UTC') - make_interval(secs => ${olderThanMs / 1000}::float8 * power(2, LEAST(attempts, 20)))
    ORDER BY "receivedAt"
    LIMIT ${limit}`;

  const result: SweepResult = { due: due.length, processed: 0, deferred: 0, failed: 0, skipped: 0 };
  for (let i = 0; i < due.length; i += BATCH_SIZE) {
    const outcomes = await processWebhookEventBatch(
      due.slice(i, i + BATCH_SIZE).map((row) => row.id),
      { hooks },
    );
    for (const outcome of outcomes) {
      if (outcome.result === "processed") result.processed += 1;
      else if (outcome.result === "deferred") result.deferred += 1;
      else if (outcome.result === "failed") result.failed += 1;
      else result.skipped += 1;
    }
  }
  return result;
}
