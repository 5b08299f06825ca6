/**
 * `campaign.progress`, from wherever a campaign's counters move (the sender's batches, the status
 * batches of the webhook pipeline, a pause): `signalCampaignProgress` may be called for every batch;
 * the counters are read and published at most every CAMPAIGN_PROGRESS_INTERVAL_MS per campaign,
 * the last call always followed by a read, so the final state always reaches the screens.
 */
import { tenantDb } from "@/lib/db/tenant";
import { logger } from "@/lib/log";
import { publishToWorkspace } from "@/lib/realtime/publish";
import { CAMPAIGN_PROGRESS_INTERVAL_MS } from "@/lib/realtime/throttle";
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

const log = logger("campaigns");

interface Slot {
  timer: NodeJS.Timeout | null;
  lastAt: number;
  again: boolean;
  inFlight: Promise<void> | null;
}
const slots = new Map<string, Slot>();

async function publishNow(workspaceId: string, campaignId: string): Promise<void> {
  try {
    const progress = await readCampaignProgress({ workspaceId }, campaignId);
    if (progress) await publishToWorkspace(workspaceId, "campaign.progress", progress);
  } catch (error) {
    log.warn({ err: error, campaignId }, "campaign progress not published");
  }
}

/** Publishes the campaign's counters soon (throttled per campaign). Never throws. */
export function signalCampaignProgress(workspaceId: string, campaignId: string): void {
  const key = `${workspaceId}:${campaignId}`;
  const slot = slots.get(key) ?? { timer: null, lastAt: 0, again: false, inFlight: null };
  slots.set(key, slot);
  if (slot.timer) return;
  const fire = () => {
    slot.timer = null;
    slot.lastAt = Date.now();
    slot.inFlight = publishNow(workspaceId, campaignId).finally(() => {
      slot.inFlight = null;
      if (!slot.timer) slots.delete(key);
    });
  };
  const wait = slot.lastAt + CAMPAIGN_PROGRESS_INTERVAL_MS - Date.now();
  slot.timer = setTimeout(fire, Math.max(0, wait));
  slot.timer.unref();
}

/** Publishes every campaign's waiting signal now (at the end of a run, before the process may stop). */
export async function flushCampaignProgressSignals(): Promise<void> {
  const waiting: Promise<void>[] = [];
  for (const [key, slot] of slots) {
    if (slot.inFlight) waiting.push(slot.inFlight);
    if (!slot.timer) continue;
    clearTimeout(slot.timer);
    slot.timer = null;
    const [workspaceId, campaignId] = key.split(":") as [string, string];
    waiting.push(publishNow(workspaceId, campaignId));
    slots.delete(key);
  }
  await Promise.all(waiting);
}
