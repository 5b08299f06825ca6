"use server";

/** Pauses a scheduled or sending campaign (managers). */
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/client";
import { pauseCampaign } from "@/lib/services/campaigns/pause-campaign";
import { slugParam } from "@/lib/validation/workspace";
import { campaignId } from "./input";

export const pauseCampaignAction = workspaceAction
  .inputSchema(z.object({ slug: slugParam, campaignId }))
  .action(async ({ parsedInput, ctx }) => pauseCampaign(ctx.workspace, parsedInput.campaignId));
