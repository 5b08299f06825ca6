/**
 * `campaign.progress`, from wherever a campaign's counters move (the sender's batches, the status
 * batches of the webhook pipeline, a pause): `signalCampaignProgress` may be called for every batch;
 * the counters are read and published at most every CAMPAIGN_PROGRESS_INTERVAL_MS per campaign,
 * the last call always followed by a read, so the final state always reaches the screens.
 */
import { tenantDb } from "@/lib/db/tenant";
import { toWorkspace } from "@/lib/realtime/publish";
import { CAMPAIGN_PROGRESS_INTERVAL_MS, createThrottledPublisher } from "@/lib/realtime/throttle";
import type { RealtimeEvent } from "@/lib/realtime/events";

/** The progress signal of one campaign as the row and its unsettled recipients say now. */
export async function readCampaignProgress(scope: { workspaceId: string }, campaignId: string): Promise<RealtimeEvent<"campaign.progress"> | null> {
  const db = tenantDb(scope);
  const campaign = await db.campaign.findFirst({
    where: { id: campaignId, workspaceId: scope.workspaceId },
    select: { status: true, totalCount: true, sentCount: true, deliveredCount: true, readCount: true, repliedCount: true, clickedCount: true, failedCount: true, skippedCount: true },
  });
  if (!campaign) return null;
  const pending = await db.campaignRecipient.count({ where: { campaignId, workspaceId: scope.workspaceId, status: { in: ["queued", "sending"] } } });
  return {
    campaignId,
    status: campaign.status,
    total: campaign.totalCount,
    pending,
    sent: campaign.sentCount,
    delivered: campaign.deliveredCount,
    read: campaign.readCount,
    replied: campaign.repliedCount,
    clicked: campaign.clickedCount,
    failed: campaign.failedCount,
    skipped: campaign.skippedCount,
    at: new Date().toISOString(),
  };
}

const progressSignals = createThrottledPublisher(CAMPAIGN_PROGRESS_INTERVAL_MS);

/** Publishes the campaign's counters soon (throttled per campaign; read when sent). Never throws. */
export function signalCampaignProgress(workspaceId: string, campaignId: string): void {
  progressSignals.publish(`${workspaceId}:${campaignId}`, async () => {
    const progress = await readCampaignProgress({ workspaceId }, campaignId);
    return progress ? toWorkspace(workspaceId, "campaign.progress", progress) : null;
  });
}

/** Publishes every campaign's waiting signal now (at the end of a run, before the process may stop). */
export function flushCampaignProgressSignals(): Promise<void> {
  return progressSignals.flush();
}
