/**
 * Runs the recovery sweep in a long-lived Node server (`next start`, `next dev`): once shortly after
 * start, then every 30 s, never two at once in this process. A sweep that finds a full batch goes
 * on with the next one at once (up to BUDGET_MS), so a large backlog left by a crash drains at the
 * processing rate, not 100 events per 30 s. Started by instrumentation.ts; on
 * Vercel, where no process lives between requests, Vercel Cron calls GET /api/cron/webhooks instead.
 */
import { logger } from "@/lib/log";
import { processPendingWebhookEvents } from "./recover";
import { deleteExpiredWebhookEvents } from "./retention";

const log = logger("webhooks.recovery");

const BATCH = 100;
const BUDGET_MS = 25_000;

const globalForSweep = globalThis as typeof globalThis & { __parleyWebhookSweep?: () => void };

const DAY_MS = 24 * 60 * 60 * 1000;

export function startWebhookRecovery(
  options: { intervalMs?: number; firstRunMs?: number; batch?: number; retentionEveryMs?: number; firstRetentionMs?: number } = {},
): () => void {
  const { intervalMs = 30_000, firstRunMs = 2_000, batch = BATCH, retentionEveryMs = DAY_MS, firstRetentionMs = 90_000 } = options;
  if (globalForSweep.__parleyWebhookSweep) return globalForSweep.__parleyWebhookSweep;

  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const started = Date.now();
      for (;;) {
        const result = await processPendingWebhookEvents({ limit: batch });
        if (result.due > 0) log.info(result, "webhook recovery sweep");
        const full = result.due === batch && result.processed > 0;
        if (!full || Date.now() - started > BUDGET_MS) break;
      }
    } catch (error) {
      log.error({ err: error }, "webhook recovery sweep failed");
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), firstRunMs);
  const every = setInterval(() => void tick(), intervalMs);
  // Retention: a minute and a half after start (not in the start's rush), then daily.
  const prune = () =>
    void deleteExpiredWebhookEvents().then(
      (result) => result.deleted > 0 && log.info(result, "webhook event retention"),
      (error: unknown) => log.error({ err: error }, "webhook event retention failed"),
    );
  const firstPrune = setTimeout(prune, firstRetentionMs);
  const everyPrune = setInterval(prune, retentionEveryMs);
  for (const timer of [first, every, firstPrune, everyPrune]) timer.unref();

  const stop = () => {
    clearTimeout(first);
    clearInterval(every);
    clearTimeout(firstPrune);
    clearInterval(everyPrune);
    globalForSweep.__parleyWebhookSweep = undefined;
  };
  globalForSweep.__parleyWebhookSweep = stop;
  return stop;
}
