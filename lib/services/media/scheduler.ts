/**
 * The media download sweep's timer in a long-lived Node server (`next start`, `next dev`), started
 * by lib/server-start.ts beside the webhook recovery sweep and in the same style: shortly after
 * start and every 30 s, never two runs at once in this process. The daily retention clean-up is a
 * scheduled task (trigger/media-retention.ts). On Vercel, Vercel Cron calls GET /api/cron/media
 * and /api/cron/media-retention instead.
 */
import { logger } from "@/lib/log";
import { every } from "@/lib/scheduling/every";
import { enableMediaDownloads } from "./inbound/background";
import { downloadPendingMedia } from "./inbound/sweep";

const log = logger("media.scheduler");

const globalForMedia = globalThis as typeof globalThis & { __parleyMediaScheduler?: () => void };

export interface MediaSchedulerOptions {
  sweepEveryMs?: number;
  firstSweepMs?: number;
}

export function startMediaScheduler(options: MediaSchedulerOptions = {}): () => void {
  if (globalForMedia.__parleyMediaScheduler) return globalForMedia.__parleyMediaScheduler;
  const { sweepEveryMs = 30_000, firstSweepMs = 5_000 } = options;

  enableMediaDownloads(true);
  const stopSweep = every("media download sweep", firstSweepMs, sweepEveryMs, async () => {
    const result = await downloadPendingMedia();
    if (result.due > 0) log.info(result, "media download sweep");
  });

  const stop = () => {
    stopSweep();
    enableMediaDownloads(false);
    globalForMedia.__parleyMediaScheduler = undefined;
  };
  globalForMedia.__parleyMediaScheduler = stop;
  return stop;
}
