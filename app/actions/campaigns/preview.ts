"use server";

/** The builder's message preview, for one contact of the audience or none (fallbacks). */
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/client";
import { variableMappingSchema } from "@/lib/campaigns/mapping";
import { previewCampaignMessage } from "@/lib/services/campaigns/preview-message";
import { slugParam } from "@/lib/validation/workspace";
import { contactId, templateId } from "./input";

export const previewCampaignMessageAction = workspaceAction
  .inputSchema(z.object({ slug: slugParam, templateId, variableMapping: variableMappingSchema, contactId: contactId.nullable() }))
  .action(async ({ parsedInput: { slug: _slug, ...input }, ctx }) => previewCampaignMessage(ctx.workspace, input));
