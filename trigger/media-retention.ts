/**
 * Daily at 03:00 UTC: media past their workspace's retention limit lose their bytes
 * (lib/services/media/retention). Idempotent, so a retry, a late run or Vercel Cron running the
 * same clean-up (GET /api/cron/media-retention) deletes nothing twice.
 */
import { defineScheduledTask } from "@/lib/jobs/define";
import { cleanUpExpiredMedia } from "@/lib/services/media/retention/clean-up-expired-media";
import { maintenanceQueue } from "./queues";

export const mediaRetention = defineScheduledTask({
  id: "media-retention",
  cron: "0 3 * * *",
  queue: maintenanceQueue,
  maxDuration: 3_600,
  run: (at) => cleanUpExpiredMedia({ now: at }),
});
