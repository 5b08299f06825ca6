"use server";

/** Resumes a paused campaign (managers). */
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/client";
import { resumeCampaign } from "@/lib/services/campaigns/resume-campaign";
import { slugParam } from "@/lib/validation/workspace";
import { campaignId } from "./input";

export const resumeCampaignAction = workspaceAction
  .inputSchema(z.object({ slug: slugParam, campaignId }))
  .action(async ({ parsedInput, ctx }) => resumeCampaign(ctx.workspace, parsedInput.campaignId));
