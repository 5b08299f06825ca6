"use server";

/** A campaign's sent, delivered, read, replied and failed over time, for its chart (any member). */
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/client";
import { campaignTimeline } from "@/lib/services/campaigns/timeline";
import { slugParam } from "@/lib/validation/workspace";
import { campaignId } from "./input";

export const campaignTimelineAction = workspaceAction
  .inputSchema(z.object({ slug: slugParam, campaignId }))
  .action(async ({ parsedInput, ctx }) => campaignTimeline(ctx.workspace, parsedInput.campaignId));
