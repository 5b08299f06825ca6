/**
 * A contact's tags (by name; a new name becomes a tag of the workspace) and groups (existing ones,
 * by id), set to exactly the lists given, inside the caller's transaction. Shared by creating and
 * editing a contact. The join rows carry no workspace of their own, so the contact is checked to be
 * the workspace's first, whatever the caller already knows.
 */
import type { TenantTx } from "@/lib/db/tenant";
import { Invalid, NotFound } from "@/lib/errors";

export async function setContactLabels(
  tx: TenantTx,
  workspaceId: string,
  contactId: string,
  labels: { tags?: string[]; groupIds?: string[] },
): Promise<void> {
  if (!labels.groupIds && !labels.tags) return;
  if ((await tx.contact.count({ where: { id: contactId, workspaceId } })) !== 1) throw NotFound("contactNotFound");
  if (labels.groupIds) {
    const groups = await tx.contactGroup.count({ where: { workspaceId, id: { in: labels.groupIds } } });
    if (groups !== labels.groupIds.length) throw Invalid("groupNotFound", { field: "groupIds" });
    await tx.contactGroupMember.deleteMany({ where: { contactId, groupId: { notIn: labels.groupIds } } });
    await tx.contactGroupMember.createMany({ data: labels.groupIds.map((groupId) => ({ groupId, contactId })), skipDuplicates: true });
  }
  if (labels.tags) {
    await tx.tag.createMany({ data: labels.tags.map((name) => ({ workspaceId, name })), skipDuplicates: true });
    const tags = await tx.tag.findMany({ where: { workspaceId, name: { in: labels.tags } }, select: { id: true } });
    const tagIds = tags.map((t) => t.id);
    await tx.contactTag.deleteMany({ where: { contactId, tagId: { notIn: tagIds } } });
    await tx.contactTag.createMany({ data: tagIds.map((tagId) => ({ tagId, contactId })), skipDuplicates: true });
  }
}
