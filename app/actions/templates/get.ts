"use server";

/** One template for the builder (any member): its row, draft, Meta's last refusal and what may be done with it. */
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/client";
import { getTemplate } from "@/lib/services/templates/get-template";
import { slugParam } from "@/lib/validation/workspace";
import { templateId } from "./input";

export const getTemplateAction = workspaceAction
  .inputSchema(z.object({ slug: slugParam, id: templateId }))
  .action(async ({ parsedInput, ctx }) => getTemplate(ctx.workspace, parsedInput.id));
