"use server";

/** Contacts → New contact: add one by hand, then open their page. */
import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/actions/client";
import { slugParam } from "@/lib/validation/workspace";
import { createContact, createContactSchema } from "@/lib/services/contacts/create-contact";

export const createContactAction = workspaceAction
  .inputSchema(createContactSchema.extend({ slug: slugParam }))
  .action(async ({ parsedInput: { slug, ...input }, ctx }) => {
    const contact = await createContact(ctx.workspace, input);
    revalidatePath(`/w/${slug}/contacts`);
    return { redirectTo: `/w/${slug}/contacts/${contact.id}` };
  });
