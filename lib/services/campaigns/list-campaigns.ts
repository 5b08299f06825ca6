/** The campaigns page's list: every campaign of the workspace, newest first (any member). */
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { tenantDb } from "@/lib/db/tenant";
import { CAMPAIGN_ROW_SELECT, toCampaignRow } from "./shared";
import type { CampaignRow } from "./types";

export async function listCampaigns(ctx: WorkspaceContext): Promise<CampaignRow[]> {
  authorize(ctx, "campaign:view");
  const rows = await tenantDb(ctx).campaign.findMany({
    where: { workspaceId: ctx.workspaceId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: CAMPAIGN_ROW_SELECT,
    take: 500,
  });
  return rows.map(toCampaignRow);
}
