"use server";

import { revalidatePath } from "next/cache";
import { userAction, workspaceAction } from "@/lib/actions/client";
import { createWorkspace } from "@/lib/services/workspaces/create-workspace";
import { updateMediaRetention } from "@/lib/services/workspaces/update-media-retention";
import { updateWorkspace } from "@/lib/services/workspaces/update-workspace";
import { createWorkspaceSchema, updateWorkspaceSchema } from "@/lib/validation/workspace";

export const createWorkspaceAction = userAction.inputSchema(createWorkspaceSchema).action(async ({ parsedInput, ctx }) => {
  const workspace = await createWorkspace(ctx.user.id, parsedInput);
  return { redirectTo: `/w/${workspace.slug}/inbox` };
});

export const updateWorkspaceAction = workspaceAction
  .inputSchema(updateWorkspaceSchema)
  .action(async ({ parsedInput: { slug, mediaRetentionDays, ...input }, ctx }) => {
    const workspace = await updateWorkspace(ctx.workspace, input);
    if (mediaRetentionDays !== undefined) await updateMediaRetention(ctx.workspace, mediaRetentionDays);
    revalidatePath(`/w/${slug}`, "layout");
    return { name: workspace.name };
  });
