/**
 * Members of a workspace: list, change role, remove, leave, transfer ownership. Every query is
 * scoped by `ctx.workspaceId`, so a membership id from another workspace is simply not found.
 */
import { tenantDb, type TenantTx } from "@/lib/db/tenant";
import type { Role } from "@/lib/generated/prisma/enums";
import type { WorkspaceContext } from "@/lib/auth/context";
import { assignableRoles, authorize } from "@/lib/auth/permissions";
import { Conflict, Forbidden, NotFound } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record";
import { terminateUserConnections } from "@/lib/realtime/publish";

export async function listMembers(ctx: WorkspaceContext) {
  authorize(ctx, "member:view");
  const members = await tenantDb(ctx).membership.findMany({
    where: { workspaceId: ctx.workspaceId },
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  const rank: Record<Role, number> = { owner: 0, admin: 1, agent: 2 };
  return members.sort((a, b) => rank[a.role] - rank[b.role] || (a.user.name ?? a.user.email).localeCompare(b.user.name ?? b.user.email));
}

async function findTarget(tx: TenantTx, ctx: WorkspaceContext, membershipId: string) {
  const target = await tx.membership.findFirst({ where: { id: membershipId, workspaceId: ctx.workspaceId } });
  if (!target) throw NotFound("memberNotFound");
  return target;
}

/** A member who leaves stops owning conversations in this workspace; they go back to the queue. */
async function releaseAssignments(tx: TenantTx, workspaceId: string, userId: string) {
  await tx.conversation.updateMany({ where: { workspaceId, assigneeId: userId }, data: { assigneeId: null } });
}

export async function changeMemberRole(ctx: WorkspaceContext, membershipId: string, role: Exclude<Role, "owner">) {
  authorize(ctx, "member:change_role");
  // Ownership moves only by transfer, whatever a caller that bypassed the types may pass.
  if (!assignableRoles(ctx.role).includes(role)) throw Forbidden();
  return tenantDb(ctx).$transaction(async (tx) => {
    const target = await findTarget(tx, ctx, membershipId);
    if (target.role === "owner") throw Forbidden("cannotChangeOwnerRole");
    if (target.role === role) return target;
    const updated = await tx.membership.update({ where: { id: target.id }, data: { role } });
    await recordAudit(tx, ctx, "member.role_changed", { type: "membership", id: target.id }, { from: target.role, to: role });
    return updated;
  });
}

export async function removeMember(ctx: WorkspaceContext, membershipId: string) {
  authorize(ctx, "member:remove");
  const removedUserId = await tenantDb(ctx).$transaction(async (tx) => {
    const target = await findTarget(tx, ctx, membershipId);
    if (target.userId === ctx.userId) throw Conflict("useLeaveInstead");
    if (target.role === "owner") throw Forbidden("cannotRemoveOwner");
    await tx.membership.delete({ where: { id: target.id } });
    await releaseAssignments(tx, ctx.workspaceId, target.userId);
    await recordAudit(tx, ctx, "member.removed", { type: "user", id: target.userId });
    return target.userId;
  });
  // Their open pages stop hearing this workspace now, not at their next reconnection.
  await terminateUserConnections(removedUserId);
}

export async function leaveWorkspace(ctx: WorkspaceContext) {
  await tenantDb(ctx).$transaction(async (tx) => {
    if (ctx.role === "owner") throw Conflict("ownerMustTransfer");
    const { count } = await tx.membership.deleteMany({ where: { workspaceId: ctx.workspaceId, userId: ctx.userId } });
    if (count === 0) throw NotFound("memberNotFound");
    await releaseAssignments(tx, ctx.workspaceId, ctx.userId);
    await recordAudit(tx, ctx, "member.left", { type: "user", id: ctx.userId });
  });
  await terminateUserConnections(ctx.userId);
}

/** The owner hands the workspace to another member and becomes an admin. */
export async function transferOwnership(ctx: WorkspaceContext, membershipId: string) {
  authorize(ctx, "ownership:transfer");
  await tenantDb(ctx).$transaction(async (tx) => {
    const target = await findTarget(tx, ctx, membershipId);
    if (target.userId === ctx.userId) throw Conflict("alreadyOwner");
    // Conditional on still being the owner, so two concurrent transfers cannot leave two owners.
    const demoted = await tx.membership.updateMany({
      where: { workspaceId: ctx.workspaceId, userId: ctx.userId, role: "owner" },
      data: { role: "admin" },
    });
    if (demoted.count === 0) throw Forbidden();
    await tx.membership.update({ where: { id: target.id }, data: { role: "owner" } });
    await recordAudit(tx, ctx, "workspace.ownership_transferred", { type: "user", id: target.userId });
  });
}
