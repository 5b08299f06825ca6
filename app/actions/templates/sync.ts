"use server";

/** "Sync now" on the templates page (any member: it only reads Meta). */
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/client";
import { syncTemplates } from "@/lib/services/templates/sync-templates";
import { slugParam } from "@/lib/validation/workspace";

export const syncTemplatesAction = workspaceAction
  .inputSchema(z.object({ slug: slugParam }))
  .action(async ({ ctx }) => syncTemplates(ctx.workspace));
