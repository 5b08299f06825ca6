/**
 * Vercel Cron's entry to campaign reconciliation (vercel.json, every minute), where no long-lived
 * process runs the timer: claimed recipients Meta never confirmed are queued again, finished
 * campaigns completed (lib/services/campaigns/send/reconcile.ts).
 */
import { withCron } from "@/lib/http/route";
import { reconcileCampaignSends } from "@/lib/services/campaigns/send/reconcile";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const maxDuration = 60;

export const GET = withCron(async () => {
  return Response.json(await reconcileCampaignSends());
});
