/**
 * Bulk actions of the contacts table on a selection (picked rows, or all a filter matches):
 * delete, and add to / remove from a group or a tag. Set-based: deleting and removing are one
 * statement each; adding walks the selection's ids by keyset in batches and inserts each batch in
 * one statement, skipping contacts already in, so 100,000 contacts take a few dozen queries.
 */
import { z } from "zod";
import { tenantDb } from "@/lib/db/tenant";
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { Invalid, NotFound } from "@/lib/errors";
import { publishToWorkspace } from "@/lib/realtime/publish";
import { recordAudit } from "@/lib/services/audit/record";
import { selectionSchema, selectionWhere, type ContactSelectionInput } from "./selection";
import { invalidFromZod } from "./contact-fields";

const ADD_BATCH = 5_000;

export async function deleteContacts(ctx: WorkspaceContext, input: { selection: ContactSelectionInput }): Promise<{ deleted: number }> {
  authorize(ctx, "contact:delete");
  const parsed = selectionSchema.safeParse(input.selection);
  if (!parsed.success) throw invalidFromZod(parsed.error);
  const where = await selectionWhere(ctx, parsed.data);
  // Conversations, messages, memberships and consent history go with the contact (cascades).
  const count = await tenantDb(ctx).$transaction(async (tx) => {
    const deleted = await tx.contact.deleteMany({ where });
    await recordAudit(tx, ctx, "contacts.deleted", undefined, { count: deleted.count, selection: parsed.data.kind });
    return deleted.count;
  });
  await publishToWorkspace(ctx.workspaceId, "contacts.changed", { at: new Date().toISOString() });
  return { deleted: count };
}

export const labelContactsSchema = z.object({
  selection: selectionSchema,
  action: z.enum(["add", "remove"]),
  kind: z.enum(["group", "tag"]),
  /** An existing group or tag, or (adding only) the name of a new one. */
  labelId: z.string().min(1).max(64).optional(),
  name: z.string().trim().min(1, "labelNameRequired").max(80, "labelNameTooLong").optional(),
});
export type LabelContactsInput = z.input<typeof labelContactsSchema>;

export async function labelContacts(ctx: WorkspaceContext, input: LabelContactsInput): Promise<{ labelId: string; changed: number }> {
  authorize(ctx, "contact:write");
  const parsed = labelContactsSchema.safeParse(input);
  if (!parsed.success) throw invalidFromZod(parsed.error);
  const { selection, action, kind, labelId, name } = parsed.data;
  if (!labelId && !(action === "add" && name)) throw Invalid("labelRequired", { field: "labelId" });
  const db = tenantDb(ctx);
  const where = await selectionWhere(ctx, selection);
  const workspaceId = ctx.workspaceId;

  const label =
    kind === "group"
      ? labelId
        ? await db.contactGroup.findFirst({ where: { id: labelId, workspaceId }, select: { id: true } })
        : await db.contactGroup.upsert({ where: { workspaceId_name: { workspaceId, name: name! } }, create: { workspaceId, name: name! }, update: {}, select: { id: true } })
      : labelId
        ? await db.tag.findFirst({ where: { id: labelId, workspaceId }, select: { id: true } })
        : await db.tag.upsert({ where: { workspaceId_name: { workspaceId, name: name! } }, create: { workspaceId, name: name! }, update: {}, select: { id: true } });
  if (!label) throw NotFound(kind === "group" ? "groupNotFound" : "tagNotFound");

  let changed = 0;
  if (action === "remove") {
    // The join rows carry no workspace: the contact side of the where is the workspace's.
    changed =
      kind === "group"
        ? (await db.contactGroupMember.deleteMany({ where: { groupId: label.id, contact: where } })).count
        : (await db.contactTag.deleteMany({ where: { tagId: label.id, contact: where } })).count;
  } else {
    let after: string | undefined;
    for (;;) {
      const batch = await db.contact.findMany({
        where: after ? { AND: [where, { id: { gt: after } }] } : where,
        select: { id: true },
        orderBy: { id: "asc" },
        take: ADD_BATCH,
      });
      if (batch.length === 0) break;
      changed +=
        kind === "group"
          ? (await db.contactGroupMember.createMany({ data: batch.map((c) => ({ groupId: label.id, contactId: c.id })), skipDuplicates: true })).count
          : (await db.contactTag.createMany({ data: batch.map((c) => ({ tagId: label.id, contactId: c.id })), skipDuplicates: true })).count;
      after = batch.at(-1)!.id;
      if (batch.length < ADD_BATCH) break;
    }
  }
  await publishToWorkspace(ctx.workspaceId, "contacts.changed", { at: new Date().toISOString() });
  return { labelId: label.id, changed };
}
