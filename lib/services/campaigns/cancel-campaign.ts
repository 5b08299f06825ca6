/**
 * Cancels a campaign that is scheduled or under way: it stops (its plan's version moves, so a
 * queued launch or send run does nothing), and every recipient still queued is skipped as
 * "cancelled", in one UPDATE. Recipients already claimed by a sender are settled by the sender.
 */
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { tenantDb } from "@/lib/db/tenant";
import { Conflict } from "@/lib/errors";
import type { CampaignStatus } from "@/lib/generated/prisma/enums";
import { signalCampaignProgress } from "./progress";
import { findCampaign } from "./shared";

const CANCELLABLE: CampaignStatus[] = ["scheduled", "preparing", "sending", "paused"];

export async function cancelCampaign(ctx: WorkspaceContext, campaignId: string): Promise<void> {
  authorize(ctx, "campaign:launch");
  const db = tenantDb(ctx);
  const campaign = await findCampaign(db, campaignId, { id: true, status: true });
  if (!CANCELLABLE.includes(campaign.status)) throw Conflict("campaignNotCancellable", { params: { status: campaign.status } });
  await db.$transaction(async (tx) => {
    const moved = await tx.campaign.updateMany({
      where: { id: campaign.id, workspaceId: ctx.workspaceId, status: { in: CANCELLABLE } },
      data: { status: "cancelled", cancelledAt: new Date(), launchVersion: { increment: 1 } },
    });
    if (moved.count !== 1) throw Conflict("campaignChanged");
    const skipped = await tx.campaignRecipient.updateMany({
      where: { campaignId: campaign.id, workspaceId: ctx.workspaceId, status: "queued" },
      data: { status: "skipped", skipReason: "cancelled" },
    });
    if (skipped.count > 0) await tx.campaign.updateMany({ where: { id: campaign.id, workspaceId: ctx.workspaceId }, data: { skippedCount: { increment: skipped.count } } });
  });
  signalCampaignProgress(ctx.workspaceId, campaign.id);
}
