"use server";

/** One campaign for the builder and the report (any member). */
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/client";
import { getCampaign } from "@/lib/services/campaigns/get-campaign";
import { slugParam } from "@/lib/validation/workspace";
import { campaignId } from "./input";

export const getCampaignAction = workspaceAction
  .inputSchema(z.object({ slug: slugParam, campaignId }))
  .action(async ({ parsedInput, ctx }) => getCampaign(ctx.workspace, parsedInput.campaignId));
