"use server";

/** The builder's live audience count (any member). */
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/client";
import { audienceSchema } from "@/lib/campaigns/audience";
import { countCampaignAudience } from "@/lib/services/campaigns/count-campaign-audience";
import { slugParam } from "@/lib/validation/workspace";
import { templateId } from "./input";

export const countCampaignAudienceAction = workspaceAction
  .inputSchema(z.object({ slug: slugParam, audience: audienceSchema, templateId: templateId.nullable() }))
  .action(async ({ parsedInput, ctx }) => countCampaignAudience(ctx.workspace, { audience: parsedInput.audience, templateId: parsedInput.templateId }));
