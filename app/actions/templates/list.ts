"use server";

/** The templates page's list (any member), filtered and searched. */
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/client";
import { listTemplates } from "@/lib/services/templates/list-templates";
import { slugParam } from "@/lib/validation/workspace";
import { TEMPLATE_QUALITIES, TEMPLATE_STATUSES, templateCategory, templateLanguage } from "./input";

export const listTemplatesAction = workspaceAction
  .inputSchema(
    z.object({
      slug: slugParam,
      search: z.string().max(200).optional(),
      status: z.enum(TEMPLATE_STATUSES).optional(),
      category: templateCategory.optional(),
      language: templateLanguage.optional(),
      quality: z.enum(TEMPLATE_QUALITIES).optional(),
    }),
  )
  .action(async ({ parsedInput: { slug: _slug, ...filters }, ctx }) => listTemplates(ctx.workspace, filters));
