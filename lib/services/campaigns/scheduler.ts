/**
 * The campaigns' timer in a long-lived Node server, started by lib/server-start.ts beside the
 * inbox's: reconciliation of claimed, unconfirmed recipients (send/reconcile.ts) and the automatic
 * retry windows (auto-retry.ts) every 30 s. On
 * Vercel, Vercel Cron calls GET /api/cron/campaigns instead.
 */
import { every } from "@/lib/scheduling/every";
import { runDueAutoRetries } from "./auto-retry";
import { reconcileCampaignSends } from "./send/reconcile";

const globalForCampaigns = globalThis as typeof globalThis & { __parleyCampaignScheduler?: () => void };

export function startCampaignScheduler(options: { everyMs?: number } = {}): () => void {
  if (globalForCampaigns.__parleyCampaignScheduler) return globalForCampaigns.__parleyCampaignScheduler;
  const { everyMs = 30_000 } = options;
  const stopSweep = every("campaign reconciliation", everyMs, everyMs, async () => {
    await reconcileCampaignSends();
    await runDueAutoRetries();
  });
  const stop = () => {
    stopSweep();
    globalForCampaigns.__parleyCampaignScheduler = undefined;
  };
  globalForCampaigns.__parleyCampaignScheduler = stop;
  return stop;
}
