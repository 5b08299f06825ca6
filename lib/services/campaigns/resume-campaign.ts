/**
 * Resumes a paused campaign: one that had started goes back to sending under a new plan version
 * (a fresh send run); one paused before it started is scheduled again through the launch path
 * (pre-flight included), for its planned time if that is still ahead, else now.
 */
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { tenantDb } from "@/lib/db/tenant";
import { Conflict } from "@/lib/errors";
import { enqueueCampaignSend } from "./send/launch";
import { scheduleCampaignLaunch } from "./launch-campaign";
import { CHECK_ERRORS, preflightCampaign } from "./preflight";
import { signalCampaignProgress } from "./progress";
import { findCampaign } from "./shared";

export async function resumeCampaign(ctx: WorkspaceContext, campaignId: string): Promise<void> {
  authorize(ctx, "campaign:launch");
  const db = tenantDb(ctx);
  const campaign = await findCampaign(db, campaignId, {
    id: true,
    status: true,
    startedAt: true,
    scheduledAt: true,
    launchVersion: true,
    connection: { select: { phoneNumberId: true } },
  });
  if (campaign.status !== "paused") throw Conflict("campaignNotPaused", { params: { status: campaign.status } });
  if (!campaign.startedAt) {
    const at = campaign.scheduledAt && campaign.scheduledAt > new Date() ? campaign.scheduledAt : null;
    await scheduleCampaignLaunch(ctx, { campaignId: campaign.id, at }, ["paused"]);
    return;
  }
  // Resuming sends again: the number and template must still be fit (a RED number, a paused template).
  const preflight = await preflightCampaign(ctx, campaign.id);
  const failed = preflight.checks.find((check) => check.blocking && !check.ok && check.code !== "audienceNotEmpty" && check.code !== "messagingLimit");
  if (failed) throw Conflict(CHECK_ERRORS[failed.code], { params: failed.params ?? {} });
  if (!campaign.connection) throw Conflict(CHECK_ERRORS.numberConnected);
  const launchVersion = campaign.launchVersion + 1;
  const moved = await db.campaign.updateMany({
    where: { id: campaign.id, workspaceId: ctx.workspaceId, status: "paused", launchVersion: campaign.launchVersion },
    data: { status: "sending", launchVersion, pausedAt: null, statusReason: { set: null } },
  });
  if (moved.count !== 1) throw Conflict("campaignChanged");
  await enqueueCampaignSend(ctx, { id: campaign.id, launchVersion, phoneNumberId: campaign.connection.phoneNumberId });
  signalCampaignProgress(ctx.workspaceId, campaign.id);
}
