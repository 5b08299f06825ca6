"use server";

/**
 * Submits a template to Meta (owners and admins). The answer is data either way the lint goes:
 * `{ ok: true, template, warnings }` once Meta took it, `{ ok: false, problems }` when the server's
 * lint refused it (each problem has the builder field's `path`, a `templateLint.*` code and its
 * params). Meta's own refusal, a name clash or a missing connection arrive as `serverError`.
 */
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/client";
import { isTemplateLintError } from "@/lib/services/templates/lint-gate";
import { submitTemplate } from "@/lib/services/templates/submit-template";
import { templateDraftSchema } from "@/lib/templates/draft";
import { slugParam } from "@/lib/validation/workspace";
import { templateId } from "./input";

export const submitTemplateAction = workspaceAction
  .inputSchema(z.object({ slug: slugParam, id: templateId.optional(), draft: templateDraftSchema }))
  .action(async ({ parsedInput, ctx }) => {
    try {
      const result = await submitTemplate(ctx.workspace, { id: parsedInput.id, draft: parsedInput.draft });
      return { ok: true as const, ...result };
    } catch (error) {
      if (isTemplateLintError(error)) return { ok: false as const, problems: error.problems };
      throw error;
    }
  });
