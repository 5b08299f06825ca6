/** The workspace's groups and tags by name: what the table filters by and the bulk actions apply. */
import { tenantDb } from "@/lib/db/tenant";
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";

export async function workspaceLabels(ctx: WorkspaceContext) {
  authorize(ctx, "contact:view");
  const db = tenantDb(ctx);
  const [groups, tags] = await Promise.all([
    db.contactGroup.findMany({ where: { workspaceId: ctx.workspaceId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.tag.findMany({ where: { workspaceId: ctx.workspaceId }, select: { id: true, name: true, color: true }, orderBy: { name: "asc" } }),
  ]);
  return { groups, tags };
}
