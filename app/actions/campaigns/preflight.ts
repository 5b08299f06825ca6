"use server";

/** The checks before a launch, for the review step (any member). */
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/client";
import { preflightCampaign } from "@/lib/services/campaigns/preflight";
import { slugParam } from "@/lib/validation/workspace";
import { campaignId } from "./input";

export const preflightCampaignAction = workspaceAction
  .inputSchema(z.object({ slug: slugParam, campaignId }))
  .action(async ({ parsedInput, ctx }) => preflightCampaign(ctx.workspace, parsedInput.campaignId));
