/** Who a conversation can be assigned to: the workspace's members, by name. */
import { tenantDb } from "@/lib/db/tenant";
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";

export interface AssignableMember {
  id: string;
  /** The user's name, else their email. */
  name: string;
  email: string;
  role: Role;
}

export async function listAssignableMembers(ctx: WorkspaceContext): Promise<AssignableMember[]> {
  authorize(ctx, "conversation:view");
  const memberships = await tenantDb(ctx).membership.findMany({
    where: { workspaceId: ctx.workspaceId },
    select: { role: true, user: { select: { id: true, name: true, email: true } } },
  });
  return memberships
    .map((m) => ({ id: m.user.id, name: m.user.name ?? m.user.email, email: m.user.email, role: m.role }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
