"use server";

/**
 * Launches a campaign now (`at` null) or schedules / reschedules it (managers). `at` is the instant
 * the member picked in the workspace's time zone, sent as an ISO datetime with its offset.
 */
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/client";
import { launchCampaign } from "@/lib/services/campaigns/launch-campaign";
import { slugParam } from "@/lib/validation/workspace";
import { campaignId } from "./input";

export const launchCampaignAction = workspaceAction
  .inputSchema(z.object({ slug: slugParam, campaignId, at: z.iso.datetime({ offset: true }).nullable() }))
  .action(async ({ parsedInput, ctx }) =>
    launchCampaign(ctx.workspace, { campaignId: parsedInput.campaignId, at: parsedInput.at === null ? null : new Date(parsedInput.at) }),
  );
