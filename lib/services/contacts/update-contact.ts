/**
 * An agent edits a contact from the inbox panel: name, email, tags (by name; new names become
 * tags of the workspace), groups (existing ones, by id), opt-out with its reason. Input is checked
 * here too, so a bad value is a clear `invalid` and nothing is written; all of it in one
 * transaction, then `contact.updated`.
 */
import { z } from "zod";
import { contactFields, emptyToNull, invalidFromZod } from "./contact-fields";
import { tenantDb } from "@/lib/db/tenant";
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { NotFound } from "@/lib/errors";
import { publishToWorkspace } from "@/lib/realtime/publish";
import { setContactLabels } from "./contact-labels";

export const updateContactSchema = z.object({
  contactId: z.string().min(1).max(64),
  ...contactFields,
  optedOut: z.boolean().optional(),
  optOutReason: z.preprocess(emptyToNull, z.string().trim().max(500, "optOutReasonTooLong").nullable()).optional(),
});
export type UpdateContactInput = z.input<typeof updateContactSchema>;

export async function updateContact(ctx: WorkspaceContext, input: UpdateContactInput): Promise<void> {
  authorize(ctx, "contact:write");
  const parsed = updateContactSchema.safeParse(input);
  if (!parsed.success) throw invalidFromZod(parsed.error);
  const data = parsed.data;

  await tenantDb(ctx).$transaction(async (tx) => {
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
          ? { optedOutAt: contact.optedOutAt ?? new Date(), optOutReason: data.optOutReason ?? null }
          : { optedOutAt: null, optOutReason: null };

    await tx.contact.updateMany({
      where: { id: contact.id, workspaceId: ctx.workspaceId },
      data: {
        ...(data.name !== undefined ? { name: data.name } : {}),
        ...(data.email !== undefined ? { email: data.email } : {}),
        ...optOut,
        updatedAt: new Date(),
      },
    });
  });

  await publishToWorkspace(ctx.workspaceId, "contact.updated", { contactId: data.contactId, at: new Date().toISOString() });
}
