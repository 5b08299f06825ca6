"use server";

/** The contact panel: re-read it after a live update, and save the edit form. */
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/client";
import { slugParam } from "@/lib/validation/workspace";
import { getContactPanel } from "@/lib/services/contacts/contact-panel";
import { updateContact, updateContactSchema } from "@/lib/services/contacts/update-contact";

export const loadContactPanel = workspaceAction
  .inputSchema(z.object({ slug: slugParam, contactId: z.string().min(1).max(64) }))
  .action(async ({ parsedInput, ctx }) => getContactPanel(ctx.workspace, parsedInput.contactId));

export const updateContactAction = workspaceAction
  .inputSchema(updateContactSchema.extend({ slug: slugParam }))
  .action(async ({ parsedInput, ctx }) => {
    const { slug: _slug, ...input } = parsedInput;
    await updateContact(ctx.workspace, input);
    return getContactPanel(ctx.workspace, input.contactId);
  });
