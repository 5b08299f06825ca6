"use server";

/** Deletes a template (owners and admins): this language only, or every language of its name. */
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/client";
import { deleteTemplate } from "@/lib/services/templates/delete-template";
import { slugParam } from "@/lib/validation/workspace";
import { templateId } from "./input";

export const deleteTemplateAction = workspaceAction
  .inputSchema(z.object({ slug: slugParam, id: templateId, scope: z.enum(["language", "all"]) }))
  .action(async ({ parsedInput, ctx }) => deleteTemplate(ctx.workspace, { id: parsedInput.id, scope: parsedInput.scope }));
