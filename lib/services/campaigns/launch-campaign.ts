/**
 * Launches (now or at a time) or reschedules a campaign: the pre-flight must pass, the plan's
 * version is bumped (a launch queued for an older plan then does nothing: runCampaignLaunch checks
 * it), the campaign becomes "scheduled" for `at ?? now`, and the launch task is queued with the
 * key `campaign-launch:<id>:<version>`, so one plan is one launch however often it is asked.
 */
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { tenantDb } from "@/lib/db/tenant";
import { Conflict, Invalid } from "@/lib/errors";
import type { CampaignStatus } from "@/lib/generated/prisma/enums";
import { enqueue } from "@/lib/jobs/enqueue";
import { campaignLaunch } from "@/trigger/campaign-launch";
import { CHECK_ERRORS, preflightCampaign } from "./preflight";
import { signalCampaignProgress } from "./progress";
import { findCampaign } from "./shared";

/** A time this far in the past is "now" (the picker's minute, a slow request). */
const PAST_TOLERANCE_MS = 60_000;

/**
 * The launch path shared by launchCampaign and resumeCampaign (a paused campaign that never
 * started): the campaign, in one of `from`, scheduled again for `at ?? now`.
 */
export async function scheduleCampaignLaunch(ctx: WorkspaceContext, input: { campaignId: string; at: Date | null }, from: CampaignStatus[]): Promise<{ status: CampaignStatus }> {
  authorize(ctx, "campaign:launch");
  const now = new Date();
  if (input.at && input.at.getTime() < now.getTime() - PAST_TOLERANCE_MS) throw Invalid("campaignScheduleInPast", { field: "at" });
  const db = tenantDb(ctx);
  const campaign = await findCampaign(db, input.campaignId, { id: true, status: true, launchVersion: true });
  if (!from.includes(campaign.status)) throw Conflict("campaignNotLaunchable", { params: { status: campaign.status } });

  const preflight = await preflightCampaign(ctx, campaign.id);
  const failed = preflight.checks.find((check) => check.blocking && !check.ok);
  if (failed) throw Conflict(CHECK_ERRORS[failed.code], { params: failed.params ?? {} });

  const launchVersion = campaign.launchVersion + 1;
  const scheduledAt = input.at && input.at > now ? input.at : now;
  // Conditional on the plan read: a concurrent launch, cancel or edit wins and this one refuses.
  const moved = await db.campaign.updateMany({
    where: { id: campaign.id, workspaceId: ctx.workspaceId, status: campaign.status, launchVersion: campaign.launchVersion },
    data: { status: "scheduled", scheduledAt, launchVersion, statusReason: { set: null }, pausedAt: null },
  });
  if (moved.count !== 1) throw Conflict("campaignChanged");
  try {
    await enqueue(
      campaignLaunch,
      { workspaceId: ctx.workspaceId, campaignId: campaign.id, launchVersion },
      { idempotencyKey: `campaign-launch:${campaign.id}:${launchVersion}`, concurrencyKey: ctx.workspaceId, ...(scheduledAt > now ? { at: scheduledAt } : {}) },
    );
  } catch (error) {
    // Nothing queued: the campaign goes back to where it was, so it never waits for a launch that will not come.
    await db.campaign.updateMany({ where: { id: campaign.id, workspaceId: ctx.workspaceId, launchVersion }, data: { status: campaign.status } });
    throw error;
  }
  signalCampaignProgress(ctx.workspaceId, campaign.id);
  return { status: "scheduled" };
}

export async function launchCampaign(ctx: WorkspaceContext, input: { campaignId: string; at: Date | null }): Promise<{ status: CampaignStatus }> {
  return scheduleCampaignLaunch(ctx, input, ["draft", "scheduled"]);
}
