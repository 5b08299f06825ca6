"use server";

/** Deletes a campaign that is not under way (managers). */
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/client";
import { deleteCampaign } from "@/lib/services/campaigns/delete-campaign";
import { slugParam } from "@/lib/validation/workspace";
import { campaignId } from "./input";

export const deleteCampaignAction = workspaceAction
  .inputSchema(z.object({ slug: slugParam, campaignId }))
  .action(async ({ parsedInput, ctx }) => deleteCampaign(ctx.workspace, parsedInput.campaignId));
