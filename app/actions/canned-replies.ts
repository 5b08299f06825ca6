"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/client";
import { createCannedReply, deleteCannedReply, updateCannedReply } from "@/lib/services/canned-replies/manage-canned-replies";
import { cannedReplyFieldsSchema, cannedReplyIdSchema } from "@/lib/services/canned-replies/schemas";
import { slugParam } from "@/lib/validation/workspace";

const page = (slug: string) => revalidatePath(`/w/${slug}/settings/canned-replies`);

export const createCannedReplyAction = workspaceAction
  .inputSchema(cannedReplyFieldsSchema.extend({ slug: slugParam }))
  .action(async ({ parsedInput: { slug, ...fields }, ctx }) => {
    const reply = await createCannedReply(ctx.workspace, fields);
    page(slug);
    return reply;
  });

export const updateCannedReplyAction = workspaceAction
  .inputSchema(cannedReplyFieldsSchema.extend({ slug: slugParam, id: cannedReplyIdSchema }))
  .action(async ({ parsedInput: { slug, ...fields }, ctx }) => {
    const reply = await updateCannedReply(ctx.workspace, fields);
    page(slug);
    return reply;
  });

export const deleteCannedReplyAction = workspaceAction
  .inputSchema(z.object({ slug: slugParam, id: cannedReplyIdSchema }))
  .action(async ({ parsedInput, ctx }) => {
    await deleteCannedReply(ctx.workspace, parsedInput.id);
    page(parsedInput.slug);
    return { deleted: true };
  });
