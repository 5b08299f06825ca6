"use server";

/** The contact page (/w/[slug]/contacts/[contactId]): save the edit form, delete the contact. */
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/client";
import { slugParam } from "@/lib/validation/workspace";
import { deleteContact } from "@/lib/services/contacts/delete-contact";
import { getContact } from "@/lib/services/contacts/get-contact";
import { updateContact, updateContactSchema } from "@/lib/services/contacts/update-contact";

// Shapes only: the service checks every field, and custom values against their definitions.
export const saveContactPageAction = workspaceAction
  .inputSchema(updateContactSchema.extend({ slug: slugParam }))
  .action(async ({ parsedInput: { slug, ...input }, ctx }) => {
    await updateContact(ctx.workspace, input);
    revalidatePath(`/w/${slug}/contacts/${input.contactId}`);
    return getContact(ctx.workspace, input.contactId);
  });

export const deleteContactPageAction = workspaceAction
  .inputSchema(z.object({ slug: slugParam, contactId: z.string().min(1).max(64) }))
  .action(async ({ parsedInput: { slug, contactId }, ctx }) => {
    const removed = await deleteContact(ctx.workspace, { contactId });
    revalidatePath(`/w/${slug}/contacts`);
    return removed;
  });
