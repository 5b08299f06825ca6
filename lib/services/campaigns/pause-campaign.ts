/** Pauses a scheduled or sending campaign (a member's pause: no status reason). The sender stops at its next batch. */
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { tenantDb } from "@/lib/db/tenant";
import { Conflict } from "@/lib/errors";
import type { CampaignStatus } from "@/lib/generated/prisma/enums";
import { PAUSABLE_STATUSES, pausedData } from "./pause-reason";
import { signalCampaignProgress } from "./progress";
import { findCampaign } from "./shared";

const PAUSABLE: CampaignStatus[] = [...PAUSABLE_STATUSES];

export async function pauseCampaign(ctx: WorkspaceContext, campaignId: string): Promise<void> {
  authorize(ctx, "campaign:launch");
  const db = tenantDb(ctx);
  const campaign = await findCampaign(db, campaignId, { id: true, status: true });
  if (!PAUSABLE.includes(campaign.status)) throw Conflict("campaignNotPausable", { params: { status: campaign.status } });
  const moved = await db.campaign.updateMany({
    where: { id: campaign.id, workspaceId: ctx.workspaceId, status: { in: PAUSABLE } },
    data: pausedData(null),
  });
  if (moved.count !== 1) throw Conflict("campaignChanged");
  signalCampaignProgress(ctx.workspaceId, campaign.id);
}
