/**
 * An agent edits a contact from the inbox panel or the contact page: name, email, tags (by name;
 * new names become tags of the workspace), groups (existing ones, by id), opt-out with its reason
 * (a member's opt-out is `manual`), and custom-field values by key, read against the workspace's
 * definitions (./custom-field-values.ts; an empty value removes the key, keys not sent are kept).
 * Input is checked here too, so a bad value is a clear `invalid` and nothing is written; all of it
 * in one transaction, then `contact.updated`.
 */
import { z } from "zod";
import { contactFields, emptyToNull, invalidFromZod } from "./contact-fields";
import { tenantDb } from "@/lib/db/tenant";
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { Invalid, NotFound } from "@/lib/errors";
import { publishToWorkspace } from "@/lib/realtime/publish";
import { setContactLabels } from "./contact-labels";
import { readCustomFieldValues } from "./custom-field-values";
import { Prisma } from "@/lib/db";
import { qualifiedTable } from "@/lib/db/pool";

export const updateContactSchema = z.object({
  contactId: z.string().min(1).max(64),
  ...contactFields,
  optedOut: z.boolean().optional(),
  optOutReason: z.preprocess(emptyToNull, z.string().trim().max(500, "optOutReasonTooLong").nullable()).optional(),
  /** By field key; only the keys sent change. */
  customFields: z.record(z.string().max(64), z.unknown()).optional(),
});
export type UpdateContactInput = z.input<typeof updateContactSchema>;

export async function updateContact(ctx: WorkspaceContext, input: UpdateContactInput): Promise<void> {
  authorize(ctx, "contact:write");
  const parsed = updateContactSchema.safeParse(input);
  if (!parsed.success) throw invalidFromZod(parsed.error);
  const data = parsed.data;

  const db = tenantDb(ctx);
  const custom = data.customFields
    ? readCustomFieldValues(await db.customField.findMany({ where: { workspaceId: ctx.workspaceId }, select: { key: true, label: true, type: true, options: true } }), data.customFields)
    : null;
  const problem = custom?.errors[0];
  if (problem) throw Invalid(problem.problem, { field: `customFields.${problem.key}` });

  await db.$transaction(async (tx) => {
    const contact = await tx.contact.findFirst({ where: { id: data.contactId, workspaceId: ctx.workspaceId }, select: { id: true, optedOutAt: true } });
    if (!contact) throw NotFound("contactNotFound");

    await setContactLabels(tx, ctx.workspaceId, contact.id, { tags: data.tags, groupIds: data.groupIds });

    // Opting out keeps the first opt-out time; opting back in clears the reason with it.
    const optOut =
      data.optedOut === undefined
        ? data.optOutReason !== undefined && contact.optedOutAt
          ? { optOutReason: data.optOutReason }
          : {}
        : data.optedOut
          ? contact.optedOutAt
            ? { optOutReason: data.optOutReason ?? null }
            : { optedOutAt: new Date(), optOutReason: data.optOutReason ?? null, optOutSource: "manual" as const }
          : { optedOutAt: null, optOutReason: null, optOutSource: null };

    await tx.contact.updateMany({
      where: { id: contact.id, workspaceId: ctx.workspaceId },
      data: {
        ...(data.name !== undefined ? { name: data.name } : {}),
        ...(data.email !== undefined ? { email: data.email } : {}),
        ...optOut,
        updatedAt: new Date(),
      },
    });

    // One statement on the stored object: keys not sent, and edits of other keys meanwhile, stay.
    if (custom && (custom.clear.length > 0 || Object.keys(custom.set).length > 0)) {
      await tx.$executeRaw`
        UPDATE ${Prisma.raw(qualifiedTable("Contact"))}
           SET "customFields" = (CASE WHEN jsonb_typeof("customFields") = 'object' THEN "customFields" ELSE '{}'::jsonb END - ${custom.clear}::text[]) || ${JSON.stringify(custom.set)}::jsonb
         WHERE id = ${contact.id} AND "workspaceId" = ${ctx.workspaceId}`;
    }
  });

  await publishToWorkspace(ctx.workspaceId, "contact.updated", { contactId: data.contactId, at: new Date().toISOString() });
}
