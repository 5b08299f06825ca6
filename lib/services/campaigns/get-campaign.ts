/** One campaign as the builder and the report read it (any member); another workspace's id: not found. */
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { tenantDb } from "@/lib/db/tenant";
import { CAMPAIGN_DETAIL_SELECT, findCampaign, toCampaignDetail } from "./shared";
import type { CampaignDetail } from "./types";

export async function getCampaign(ctx: WorkspaceContext, campaignId: string): Promise<CampaignDetail> {
  authorize(ctx, "campaign:view");
  const db = tenantDb(ctx);
  const campaign = await findCampaign(db, campaignId, CAMPAIGN_DETAIL_SELECT);
  const pending = await db.campaignRecipient.count({ where: { campaignId, workspaceId: ctx.workspaceId, status: { in: ["queued", "sending"] } } });
  return toCampaignDetail(campaign, pending);
}
