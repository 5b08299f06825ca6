/**
 * Vercel Cron's entry to campaign reconciliation (vercel.json, every minute), where no long-lived
 * process runs the timer: claimed recipients Meta never confirmed are queued again, finished
 * campaigns completed (lib/services/campaigns/send/reconcile.ts), and the automatic retry windows
 * that are due run (lib/services/campaigns/auto-retry.ts).
 */
import { withCron } from "@/lib/http/route";
import { runDueAutoRetries } from "@/lib/services/campaigns/auto-retry";
import { reconcileCampaignSends } from "@/lib/services/campaigns/send/reconcile";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const maxDuration = 60;

export const GET = withCron(async () => {
  const reconciled = await reconcileCampaignSends();
  return Response.json({ ...reconciled, autoRetry: await runDueAutoRetries() });
});
