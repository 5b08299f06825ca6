"use server";

/** Sends one test message of the campaign to a number (E.164) the member gives (managers). */
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/client";
import { sendCampaignTest } from "@/lib/services/campaigns/send-test";
import { slugParam } from "@/lib/validation/workspace";
import { campaignId } from "./input";

export const sendCampaignTestAction = workspaceAction
  .inputSchema(z.object({ slug: slugParam, campaignId, to: z.string().trim().regex(/^\+[1-9]\d{6,14}$/, "campaignTestNumberInvalid") }))
  .action(async ({ parsedInput, ctx }) => sendCampaignTest(ctx.workspace, { campaignId: parsedInput.campaignId, to: parsedInput.to }));
