"use server";

/** Saves the builder's campaign: a new draft, or an edit of a draft or scheduled one (managers). */
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/client";
import { audienceSchema } from "@/lib/campaigns/audience";
import { autoRetrySchema } from "@/lib/campaigns/auto-retry";
import { variableMappingSchema } from "@/lib/campaigns/mapping";
import { saveCampaignDraft } from "@/lib/services/campaigns/save-draft";
import { slugParam } from "@/lib/validation/workspace";
import { campaignId, connectionId, templateId } from "./input";

export const saveCampaignDraftAction = workspaceAction
  .inputSchema(
    z.object({
      slug: slugParam,
      campaignId: campaignId.optional(),
      // Length and emptiness are the service's to judge (translated errors); this only bounds the input.
      name: z.string().max(1000),
      templateId: templateId.nullable(),
      connectionId: connectionId.nullable(),
      audience: audienceSchema,
      variableMapping: variableMappingSchema,
      replyWindowHours: z.number().int().min(1).max(720).optional(),
      autoRetry: autoRetrySchema.nullable().optional(),
    }),
  )
  .action(async ({ parsedInput: { slug: _slug, ...input }, ctx }) => saveCampaignDraft(ctx.workspace, input));
