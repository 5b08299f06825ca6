"use server";

/**
 * Edits a submitted template on Meta (owners and admins), answered like submitTemplateAction:
 * `{ ok: true, template, warnings }`, or `{ ok: false, problems }` when the lint refused the draft.
 */
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/client";
import { editTemplate } from "@/lib/services/templates/edit-template";
import { isTemplateLintError } from "@/lib/services/templates/lint-gate";
import { templateDraftSchema } from "@/lib/templates/draft";
import { slugParam } from "@/lib/validation/workspace";
import { templateId } from "./input";

export const editTemplateAction = workspaceAction
  .inputSchema(z.object({ slug: slugParam, id: templateId, draft: templateDraftSchema }))
  .action(async ({ parsedInput, ctx }) => {
    try {
      const result = await editTemplate(ctx.workspace, { id: parsedInput.id, draft: parsedInput.draft });
      return { ok: true as const, ...result };
    } catch (error) {
      if (isTemplateLintError(error)) return { ok: false as const, problems: error.problems };
      throw error;
    }
  });
