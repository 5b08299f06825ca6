/**
 * The inbox's timer in a long-lived Node server, started by instrumentation.ts beside the webhook
 * and media schedulers: the pending-send sweep (pending-sweep.ts) a minute after start, then every
 * minute. On Vercel, Vercel Cron calls GET /api/cron/pending-sends instead.
 */
import { logger } from "@/lib/log";
import { every } from "@/lib/scheduling/every";
import { resolveStalePendingSends } from "./pending-sweep";

const log = logger("inbox.scheduler");
const globalForInbox = globalThis as typeof globalThis & { __parleyInboxScheduler?: () => void };

export function startInboxScheduler(options: { sweepEveryMs?: number; firstSweepMs?: number } = {}): () => void {
  if (globalForInbox.__parleyInboxScheduler) return globalForInbox.__parleyInboxScheduler;
  const { sweepEveryMs = 60_000, firstSweepMs = 60_000 } = options;
  const stopSweep = every("pending-send sweep", firstSweepMs, sweepEveryMs, async () => {
    const result = await resolveStalePendingSends();
    if (result.resolved > 0) log.info(result, "pending-send sweep");
  });
  const stop = () => {
    stopSweep();
    globalForInbox.__parleyInboxScheduler = undefined;
  };
  globalForInbox.__parleyInboxScheduler = stop;
  return stop;
}
