/**
 * The media step's timers in a long-lived Node server (`next start`, `next dev`), started by
 * instrumentation.ts beside the webhook recovery sweep and in the same style: the download sweep
 * shortly after start and every 30 s, the retention clean-up a minute after start and then once a
 * day; never two runs of one at once in this process. On Vercel, Vercel Cron calls
 * GET /api/cron/media and /api/cron/media-retention instead (and Trigger.dev may run the clean-up).
 */
import { logger } from "@/lib/log";
import { every } from "@/lib/scheduling/every";
import { enableMediaDownloads } from "./inbound/background";
import { downloadPendingMedia } from "./inbound/sweep";
import { cleanUpExpiredMedia } from "./retention/clean-up-expired-media";

const log = logger("media.scheduler");
const DAY_MS = 24 * 60 * 60 * 1000;

const globalForMedia = globalThis as typeof globalThis & { __parleyMediaScheduler?: () => void };

export interface MediaSchedulerOptions {
  sweepEveryMs?: number;
  firstSweepMs?: number;
  retentionEveryMs?: number;
  firstRetentionMs?: number;
}

export function startMediaScheduler(options: MediaSchedulerOptions = {}): () => void {
  if (globalForMedia.__parleyMediaScheduler) return globalForMedia.__parleyMediaScheduler;
  const { sweepEveryMs = 30_000, firstSweepMs = 5_000, retentionEveryMs = DAY_MS, firstRetentionMs = 60_000 } = options;

  enableMediaDownloads(true);
  const stopSweep = every("media download sweep", firstSweepMs, sweepEveryMs, async () => {
    const result = await downloadPendingMedia();
    if (result.due > 0) log.info(result, "media download sweep");
  });
  const stopRetention = every("media retention clean-up", firstRetentionMs, retentionEveryMs, () => cleanUpExpiredMedia());

  const stop = () => {
    stopSweep();
    stopRetention();
    enableMediaDownloads(false);
    globalForMedia.__parleyMediaScheduler = undefined;
  };
  globalForMedia.__parleyMediaScheduler = stop;
  return stop;
}
