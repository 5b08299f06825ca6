"use server";

/** A page of a campaign's recipients, by status or replied / clicked (any member). */
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/client";
import { listCampaignRecipients } from "@/lib/services/campaigns/list-recipients";
import { slugParam } from "@/lib/validation/workspace";
import { campaignId, recipientFilter } from "./input";

export const listCampaignRecipientsAction = workspaceAction
  .inputSchema(
    z.object({
      slug: slugParam,
      campaignId,
      status: recipientFilter.optional(),
      cursor: z.string().trim().min(1).max(64).optional(),
      limit: z.number().int().min(1).max(200).optional(),
    }),
  )
  .action(async ({ parsedInput: { slug: _slug, ...input }, ctx }) => listCampaignRecipients(ctx.workspace, input));
