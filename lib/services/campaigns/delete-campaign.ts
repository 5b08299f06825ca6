/** Deletes a campaign that is not under way: draft, cancelled, completed or failed (managers). */
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { tenantDb } from "@/lib/db/tenant";
import { Conflict } from "@/lib/errors";
import type { CampaignStatus } from "@/lib/generated/prisma/enums";
import { findCampaign } from "./shared";

const DELETABLE: CampaignStatus[] = ["draft", "cancelled", "completed", "failed"];

export async function deleteCampaign(ctx: WorkspaceContext, campaignId: string): Promise<void> {
  authorize(ctx, "campaign:launch");
  const db = tenantDb(ctx);
  const campaign = await findCampaign(db, campaignId, { id: true, status: true });
  if (!DELETABLE.includes(campaign.status)) throw Conflict("campaignNotDeletable", { params: { status: campaign.status } });
  const deleted = await db.campaign.deleteMany({ where: { id: campaign.id, workspaceId: ctx.workspaceId, status: { in: DELETABLE } } });
  if (deleted.count !== 1) throw Conflict("campaignNotDeletable", { params: { status: campaign.status } });
}
