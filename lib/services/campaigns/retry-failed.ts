/**
 * "Retry failed" (by a person, or by the campaign's automatic retry window: auto-retry.ts): a new run of the campaign for its recipients whose failure is worth retrying
 * (Meta's marketing cap, exhausted 5xx retries…; `retryable`), requeued in one UPDATE with their
 * error cleared; the failed counter gives them back and a send run starts under a new plan version.
 */
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { tenantDb, type TenantScope } from "@/lib/db/tenant";
import { Conflict } from "@/lib/errors";
import type { CampaignStatus } from "@/lib/generated/prisma/enums";
import { enqueueCampaignSend } from "./send/launch";
import { CHECK_ERRORS } from "./preflight";
import { signalCampaignProgress } from "./progress";
import { findCampaign } from "./shared";

const RETRYABLE_FROM: CampaignStatus[] = ["completed", "paused", "sending"];

export async function retryFailedRecipients(ctx: WorkspaceContext, campaignId: string): Promise<{ requeued: number }> {
  authorize(ctx, "campaign:launch");
  return requeueRetryableFailures(ctx, campaignId, RETRYABLE_FROM);
}

/** The retry itself, for a campaign in one of `from` (the automatic window retries only completed ones). */
export async function requeueRetryableFailures(ctx: TenantScope, campaignId: string, from: CampaignStatus[]): Promise<{ requeued: number }> {
  const db = tenantDb(ctx);
  const campaign = await findCampaign(db, campaignId, { id: true, status: true, run: true, launchVersion: true, connection: { select: { phoneNumberId: true } } });
  if (!from.includes(campaign.status)) throw Conflict("campaignNotRetryable", { params: { status: campaign.status } });
  if (!campaign.connection) throw Conflict(CHECK_ERRORS.numberConnected);
  const run = campaign.run + 1;
  const launchVersion = campaign.launchVersion + 1;
  const requeued = await db.$transaction(async (tx) => {
    const moved = await tx.campaign.updateMany({
      where: { id: campaign.id, workspaceId: ctx.workspaceId, status: campaign.status, launchVersion: campaign.launchVersion },
      data: { run, launchVersion },
    });
    if (moved.count !== 1) throw Conflict("campaignChanged");
    const retried = await tx.campaignRecipient.findMany({ where: { campaignId: campaign.id, workspaceId: ctx.workspaceId, status: "failed", retryable: true }, select: { id: true } });
    const ids = retried.map((r) => r.id);
    // The failed message stays in the conversation but no longer speaks for the recipient: the new
    // send's message and wamid do (its statuses find the recipient by the new wamid).
    await tx.message.updateMany({ where: { workspaceId: ctx.workspaceId, campaignRecipientId: { in: ids } }, data: { campaignRecipientId: null } });
    const { count } = await tx.campaignRecipient.updateMany({
      where: { id: { in: ids }, campaignId: campaign.id, workspaceId: ctx.workspaceId, status: "failed", retryable: true },
      data: { status: "queued", run, wamid: null, errorCode: null, error: null, failedAt: null, retryable: false, attempts: 0, notBefore: null, claimedAt: null },
    });
    // Nothing to retry: the transaction rolls back and the campaign stays as it was.
    if (count === 0) throw new NothingToRetry();
    await tx.campaign.updateMany({
      where: { id: campaign.id, workspaceId: ctx.workspaceId },
      data: { failedCount: { decrement: count }, status: "sending", completedAt: null, pausedAt: null, statusReason: { set: null } },
    });
    return count;
  }).catch((error: unknown) => {
    if (error instanceof NothingToRetry) return 0;
    throw error;
  });
  if (requeued === 0) return { requeued: 0 };
  await enqueueCampaignSend(ctx, { id: campaign.id, launchVersion, phoneNumberId: campaign.connection.phoneNumberId });
  signalCampaignProgress(ctx.workspaceId, campaign.id);
  return { requeued };
}

class NothingToRetry extends Error {}
