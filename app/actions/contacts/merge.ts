"use server";

/** Merge a duplicate into the contact whose page this is (lib/services/contacts/merge-contacts.ts). */
import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/actions/client";
import { slugParam } from "@/lib/validation/workspace";
import { z } from "zod";
import { mergeContacts } from "@/lib/services/contacts/merge-contacts";

export const mergeContactsAction = workspaceAction
  .inputSchema(z.object({ slug: slugParam, keepId: z.string().min(1).max(64), mergeId: z.string().min(1).max(64) }))
  .action(async ({ parsedInput: { slug, ...input }, ctx }) => {
    const merged = await mergeContacts(ctx.workspace, input);
    revalidatePath(`/w/${slug}/contacts/${merged.contactId}`);
    return merged;
  });
