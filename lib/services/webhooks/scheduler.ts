/**
 * Runs the recovery sweep in a long-lived Node server (`next start`, `next dev`): once shortly after
 * start, then every 30 s, never two at once in this process. Started by instrumentation.ts; on
 * Vercel, where no process lives between requests, Vercel Cron calls GET /api/cron/webhooks instead.
 */
import { logger } from "@/lib/log";
import { processPendingWebhookEvents } from "./recover";

const log = logger("webhooks.recovery");

const globalForSweep = globalThis as typeof globalThis & { __parleyWebhookSweep?: () => void };

export function startWebhookRecovery(options: { intervalMs?: number; firstRunMs?: number } = {}): () => void {
  const { intervalMs = 30_000, firstRunMs = 2_000 } = options;
  if (globalForSweep.__parleyWebhookSweep) return globalForSweep.__parleyWebhookSweep;

  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const result = await processPendingWebhookEvents();
      if (result.due > 0) log.info(result, "webhook recovery sweep");
    } catch (error) {
      log.error({ err: error }, "webhook recovery sweep failed");
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), firstRunMs);
  const every = setInterval(() => void tick(), intervalMs);
  first.unref();
  every.unref();

  const stop = () => {
    clearTimeout(first);
    clearInterval(every);
    globalForSweep.__parleyWebhookSweep = undefined;
  };
  globalForSweep.__parleyWebhookSweep = stop;
  return stop;
}
