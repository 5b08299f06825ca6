"use server";

/** Settings → Contact fields: create, edit and delete the workspace's custom-field definitions. */
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/client";
import { CUSTOM_FIELD_TYPES, createCustomField, deleteCustomField, updateCustomField } from "@/lib/services/contacts/custom-field-definitions";
import { slugParam } from "@/lib/validation/workspace";

// Shapes only (the type is a choice of the form's select): the service checks the values, and its
// refusals name the field they belong to (translated errors).
const fields = { label: z.string().max(10_000), type: z.enum(CUSTOM_FIELD_TYPES), options: z.array(z.string().max(10_000)).max(1_000).optional() };
const page = (slug: string) => revalidatePath(`/w/${slug}/settings/contact-fields`);

export const createCustomFieldAction = workspaceAction
  .inputSchema(z.object({ slug: slugParam, ...fields, key: z.string().max(200).optional() }))
  .action(async ({ parsedInput: { slug, ...input }, ctx }) => {
    const field = await createCustomField(ctx.workspace, input);
    page(slug);
    return field;
  });

export const updateCustomFieldAction = workspaceAction
  .inputSchema(z.object({ slug: slugParam, id: z.string().max(64), ...fields, type: fields.type.optional() }))
  .action(async ({ parsedInput: { slug, ...input }, ctx }) => {
    const field = await updateCustomField(ctx.workspace, input);
    page(slug);
    return field;
  });

export const deleteCustomFieldAction = workspaceAction
  .inputSchema(z.object({ slug: slugParam, id: z.string().max(64) }))
  .action(async ({ parsedInput, ctx }) => {
    const result = await deleteCustomField(ctx.workspace, parsedInput.id);
    page(parsedInput.slug);
    return result;
  });
