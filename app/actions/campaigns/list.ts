"use server";

/** The campaigns page list (any member), newest first. */
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/client";
import { listCampaigns } from "@/lib/services/campaigns/list-campaigns";
import { slugParam } from "@/lib/validation/workspace";

export const listCampaignsAction = workspaceAction
  .inputSchema(z.object({ slug: slugParam }))
  .action(async ({ ctx }) => listCampaigns(ctx.workspace));
