/**
 * An agent edits a contact from the inbox panel: name, email, tags (by name; new names become
 * tags of the workspace), groups (existing ones, by id), opt-out with its reason. Input is checked
 * here too, so a bad value is a clear `invalid` and nothing is written; all of it in one
 * transaction, then `contact.updated`.
 */
import { z } from "zod";
import { tenantDb } from "@/lib/db/tenant";
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { Invalid, NotFound } from "@/lib/errors";
import { publishToWorkspace } from "@/lib/realtime/publish";

const emptyToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);

export const updateContactSchema = z.object({
  contactId: z.string().min(1).max(64),
  name: z.preprocess(emptyToNull, z.string().trim().max(100, "contactNameTooLong").nullable()).optional(),
  email: z.preprocess(emptyToNull, z.email("emailInvalid").trim().toLowerCase().max(254).nullable()).optional(),
  tags: z
    .array(z.string().trim().min(1, "tagEmpty").max(40, "tagTooLong"))
    .max(20, "tooManyTags")
    .transform((names) => [...new Set(names)])
    .optional(),
  groupIds: z.array(z.string().min(1).max(64)).max(50).transform((ids) => [...new Set(ids)]).optional(),
  optedOut: z.boolean().optional(),
  optOutReason: z.preprocess(emptyToNull, z.string().trim().max(500, "optOutReasonTooLong").nullable()).optional(),
});
export type UpdateContactInput = z.input<typeof updateContactSchema>;

export async function updateContact(ctx: WorkspaceContext, input: UpdateContactInput): Promise<void> {
  authorize(ctx, "contact:write");
  const parsed = updateContactSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw Invalid(issue?.message && /^[a-zA-Z]+$/.test(issue.message) ? issue.message : "invalidInput", { field: issue?.path.join(".") });
  }
  const data = parsed.data;

  await tenantDb(ctx).$transaction(async (tx) => {
    const contact = await tx.contact.findFirst({ where: { id: data.contactId, workspaceId: ctx.workspaceId }, select: { id: true, optedOutAt: true } });
    if (!contact) throw NotFound("contactNotFound");

    if (data.groupIds) {
      const groups = await tx.contactGroup.count({ where: { workspaceId: ctx.workspaceId, id: { in: data.groupIds } } });
      if (groups !== data.groupIds.length) throw Invalid("groupNotFound", { field: "groupIds" });
      await tx.contactGroupMember.deleteMany({ where: { contactId: contact.id, groupId: { notIn: data.groupIds } } });
      await tx.contactGroupMember.createMany({ data: data.groupIds.map((groupId) => ({ groupId, contactId: contact.id })), skipDuplicates: true });
    }

    if (data.tags) {
      await tx.tag.createMany({ data: data.tags.map((name) => ({ workspaceId: ctx.workspaceId, name })), skipDuplicates: true });
      const tags = await tx.tag.findMany({ where: { workspaceId: ctx.workspaceId, name: { in: data.tags } }, select: { id: true } });
      const tagIds = tags.map((t) => t.id);
      await tx.contactTag.deleteMany({ where: { contactId: contact.id, tagId: { notIn: tagIds } } });
      await tx.contactTag.createMany({ data: tagIds.map((tagId) => ({ tagId, contactId: contact.id })), skipDuplicates: true });
    }

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
