/**
 * Runs the recovery sweep in a long-lived Node server (`next start`, `next dev`): once shortly after
 * start, then every 30 s, never two at once in this process. A sweep that finds a full batch goes
 * on with the next one at once (up to BUDGET_MS), so a large backlog left by a crash drains at the
 * processing rate, not 100 events per 30 s. (Processed events are deleted daily by a scheduled
 * task, trigger/webhook-retention.ts.) Started by lib/server-start.ts; on Vercel, where no process
 * lives between requests, Vercel Cron calls GET /api/cron/webhooks and /api/cron/webhook-retention.
 */
import { logger } from "@/lib/log";
import { every } from "@/lib/scheduling/every";
import { processPendingWebhookEvents } from "./recover";

const log = logger("webhooks.recovery");

const BATCH = 100;
const BUDGET_MS = 25_000;

const globalForSweep = globalThis as typeof globalThis & { __parleyWebhookSweep?: () => void };

export function startWebhookRecovery(
  options: { intervalMs?: number; firstRunMs?: number; batch?: number } = {},
): () => void {
  const { intervalMs = 30_000, firstRunMs = 2_000, batch = BATCH } = options;
  if (globalForSweep.__parleyWebhookSweep) return globalForSweep.__parleyWebhookSweep;

  const stopSweep = every("webhook recovery sweep", firstRunMs, intervalMs, async () => {
    const started = Date.now();
    for (;;) {
      const result = await processPendingWebhookEvents({ limit: batch });
      if (result.due > 0) log.info(result, "webhook recovery sweep");
      const full = result.due === batch && result.processed > 0;
      if (!full || Date.now() - started > BUDGET_MS) break;
    }
  });

  const stop = () => {
    stopSweep();
    globalForSweep.__parleyWebhookSweep = undefined;
  };
  globalForSweep.__parleyWebhookSweep = stop;
  return stop;
}
