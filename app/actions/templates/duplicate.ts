"use server";

/** Copies a template into another language as a new DRAFT (owners and admins). */
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/client";
import { duplicateTemplate } from "@/lib/services/templates/duplicate-template";
import { slugParam } from "@/lib/validation/workspace";
import { templateId, templateLanguage } from "./input";

export const duplicateTemplateAction = workspaceAction
  .inputSchema(z.object({ slug: slugParam, id: templateId, language: templateLanguage }))
  .action(async ({ parsedInput, ctx }) => duplicateTemplate(ctx.workspace, { id: parsedInput.id, language: parsedInput.language }));
