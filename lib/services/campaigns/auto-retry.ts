/**
 * The automatic retry window (Campaign.autoRetry): a completed campaign with retryable failures is
 * sent to them again once `everyHours` have passed since its last run ended, for as long as its
 * first start is less than `forDays` old. Each retry is an ordinary "Retry failed" run
 * (requeueRetryableFailures: conditional on the campaign's plan version, so two servers sweeping
 * at once start one run). Swept every 30 s in Node servers and by Vercel Cron with reconciliation.
 */
import { prisma } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { logger } from "@/lib/log";
import { sqlName, sqlTimestamp } from "@/lib/services/webhooks/sql";
import { requeueRetryableFailures } from "./retry-failed";

const log = logger("campaigns.auto-retry");

export async function runDueAutoRetries(options: { now?: Date } = {}): Promise<{ retried: number; requeued: number }> {
  const now = sqlTimestamp(options.now ?? new Date());
  const campaign = sqlName("Campaign");
  // Across workspaces by design: each campaign is retried in its own workspace below.
  const due = await prisma.$queryRaw<{ id: string; workspaceId: string }[]>`
    SELECT k.id, k."workspaceId" FROM ${campaign} k
    WHERE k.status = 'completed' AND k."autoRetry" IS NOT NULL
      AND k."completedAt" <= ${now} - make_interval(hours => (k."autoRetry"->>'everyHours')::int)
      AND k."startedAt" > ${now} - make_interval(days => (k."autoRetry"->>'forDays')::int)
      AND EXISTS (SELECT 1 FROM ${sqlName("CampaignRecipient")} r
                  WHERE r."campaignId" = k.id AND r."workspaceId" = k."workspaceId" AND r.status = 'failed' AND r.retryable)
    ORDER BY k."completedAt" LIMIT 100`;
  let retried = 0;
  let requeued = 0;
  for (const row of due) {
    try {
      const result = await requeueRetryableFailures({ workspaceId: row.workspaceId }, row.id, ["completed"]);
      if (result.requeued > 0) retried += 1;
      requeued += result.requeued;
    } catch (error) {
      // Another server retried it first, or it changed meanwhile: nothing to do until the next sweep.
      if (!isAppError(error)) log.error({ err: error, campaignId: row.id }, "automatic retry failed");
    }
  }
  if (retried > 0) log.info({ retried, requeued }, "campaigns retried automatically");
  return { retried, requeued };
}
