"use server";

/** Cancels a scheduled or running campaign (managers). */
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/client";
import { cancelCampaign } from "@/lib/services/campaigns/cancel-campaign";
import { slugParam } from "@/lib/validation/workspace";
import { campaignId } from "./input";

export const cancelCampaignAction = workspaceAction
  .inputSchema(z.object({ slug: slugParam, campaignId }))
  .action(async ({ parsedInput, ctx }) => cancelCampaign(ctx.workspace, parsedInput.campaignId));
