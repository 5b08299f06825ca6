"use server";

/** Saves the builder's work as a local DRAFT (owners and admins); never sent to Meta. */
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/client";
import { saveTemplateDraft } from "@/lib/services/templates/save-draft";
import { templateDraftSchema } from "@/lib/templates/draft";
import { slugParam } from "@/lib/validation/workspace";
import { templateId } from "./input";

export const saveTemplateDraftAction = workspaceAction
  .inputSchema(z.object({ slug: slugParam, id: templateId.optional(), draft: templateDraftSchema }))
  .action(async ({ parsedInput, ctx }) => saveTemplateDraft(ctx.workspace, { id: parsedInput.id, draft: parsedInput.draft }));
