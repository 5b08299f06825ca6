import { tenantDb } from "@/lib/db/tenant";
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";

export const CONTACTS_PAGE_SIZE = 50;

/** A page of the workspace's contacts, newest first, with keyset pagination by id. */
export async function listContacts(ctx: WorkspaceContext, options: { cursor?: string } = {}) {
  authorize(ctx, "contact:view");
  const rows = await tenantDb(ctx).contact.findMany({
    where: { workspaceId: ctx.workspaceId },
    select: { id: true, name: true, profileName: true, phone: true, optedOutAt: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: CONTACTS_PAGE_SIZE + 1,
    ...(options.cursor ? { cursor: { id: options.cursor }, skip: 1 } : {}),
  });
  const total = await tenantDb(ctx).contact.count({ where: { workspaceId: ctx.workspaceId } });
  return {
    contacts: rows.slice(0, CONTACTS_PAGE_SIZE),
    nextCursor: rows.length > CONTACTS_PAGE_SIZE ? rows[CONTACTS_PAGE_SIZE - 1]?.id : undefined,
    total,
  };
}
