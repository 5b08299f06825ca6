import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createTenant, type Tenant } from "@/test/fixtures/tenants";
import { snapshotWorkspace } from "@/test/fixtures/snapshot";
import { changeMemberRole, leaveWorkspace, listMembers, removeMember, transferOwnership } from "./members";

const roleOf = async (membershipId: string) => (await prisma.membership.findUnique({ where: { id: membershipId } }))?.role ?? null;
const owners = (workspaceId: string) => prisma.membership.findMany({ where: { workspaceId, role: "owner" } });
const assignee = async (conversationId: string) => (await prisma.conversation.findUniqueOrThrow({ where: { id: conversationId } })).assigneeId;
const audits = (workspaceId: string, action: string) =>
  prisma.auditLog.findMany({ where: { workspaceId, action }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Puts `member` of tenant `home` into `other` as an agent, assigned one of `other`'s conversations. */
async function alsoWorksIn(other: Tenant, userId: string) {
  await prisma.membership.create({ data: { workspaceId: other.workspace.id, userId, role: "agent" } });
  const conversation = other.conversations[2];
  if (!conversation) throw new Error("fixture has three conversations");
  await prisma.conversation.update({ where: { id: conversation.id }, data: { assigneeId: userId } });
  return conversation.id;
}

describe("listMembers", () => {
  it("lists every member, owner first, then admins, then agents, for any role", async () => {
    const t = await createTenant();
    for (const viewer of [t.owner, t.admin, t.agent]) {
      const members = await listMembers(viewer.ctx);
      expect(members.map((m) => [m.id, m.role, m.user.email])).toEqual([
        [t.owner.membershipId, "owner", t.owner.email],
        [t.admin.membershipId, "admin", t.admin.email],
        [t.agent.membershipId, "agent", t.agent.email],
      ]);
    }
  });
});

describe("what an agent may not do", () => {
  it("change roles, remove members or transfer ownership: forbidden, nothing changed", async () => {
    const t = await createTenant();
    const before = await snapshotWorkspace(t.workspace.id);

    const attempts = [
      () => changeMemberRole(t.agent.ctx, t.admin.membershipId, "agent"),
      () => changeMemberRole(t.agent.ctx, t.agent.membershipId, "admin"),
      () => removeMember(t.agent.ctx, t.admin.membershipId),
      () => transferOwnership(t.agent.ctx, t.agent.membershipId),
    ];
    for (const attempt of attempts) {
      expect(await rejection(attempt())).toMatchObject({ code: "forbidden", messageKey: "forbidden" });
    }
    expect(await snapshotWorkspace(t.workspace.id)).toEqual(before);
  });
});

describe("changeMemberRole", () => {
  it("lets an admin promote and demote others, auditing each change", async () => {
    const t = await createTenant();
    await changeMemberRole(t.admin.ctx, t.agent.membershipId, "admin");
    expect(await roleOf(t.agent.membershipId)).toBe("admin");
    await changeMemberRole(t.owner.ctx, t.agent.membershipId, "agent");
    expect(await roleOf(t.agent.membershipId)).toBe("agent");

    const changes = await audits(t.workspace.id, "member.role_changed");
    expect(changes.map((a) => [a.actorId, a.targetId, a.metadata])).toEqual([
      [t.admin.userId, t.agent.membershipId, { from: "agent", to: "admin" }],
      [t.owner.userId, t.agent.membershipId, { from: "admin", to: "agent" }],
    ]);
  });

  it("does nothing, not even an audit row, when the role is unchanged", async () => {
    const t = await createTenant();
    await changeMemberRole(t.admin.ctx, t.agent.membershipId, "agent");
    expect(await audits(t.workspace.id, "member.role_changed")).toEqual([]);
  });

  it("never touches the owner's role, even for the owner", async () => {
    const t = await createTenant();
    for (const actor of [t.admin, t.owner]) {
      expect(await rejection(changeMemberRole(actor.ctx, t.owner.membershipId, "admin"))).toMatchObject({
        code: "forbidden",
        messageKey: "cannotChangeOwnerRole",
      });
    }
    expect(await roleOf(t.owner.membershipId)).toBe("owner");
  });

  it("answers not found for an unknown membership", async () => {
    const t = await createTenant();
    expect(await rejection(changeMemberRole(t.owner.ctx, "no-such-membership", "admin"))).toMatchObject({
      code: "not_found",
      messageKey: "memberNotFound",
    });
  });
});

describe("removeMember", () => {
  it("removes the member and sends their conversations back to the queue, in this workspace only", async () => {
    const t = await createTenant("A");
    const other = await createTenant("B");
    const elsewhere = await alsoWorksIn(other, t.agent.userId);
    const otherBefore = await snapshotWorkspace(other.workspace.id);

    await removeMember(t.admin.ctx, t.agent.membershipId);

    expect(await roleOf(t.agent.membershipId)).toBeNull();
    expect(await assignee(t.conversations[0]?.id ?? "")).toBeNull();
    expect(await assignee(t.conversations[1]?.id ?? "")).toBe(t.admin.userId); // someone else's stays
    expect(await assignee(elsewhere)).toBe(t.agent.userId);
    expect(await snapshotWorkspace(other.workspace.id)).toEqual(otherBefore);
    expect(await audits(t.workspace.id, "member.removed")).toMatchObject([{ actorId: t.admin.userId, targetType: "user", targetId: t.agent.userId }]);
    // The user account itself remains.
    expect(await prisma.user.count({ where: { id: t.agent.userId } })).toBe(1);
  });

  it("never removes the owner", async () => {
    const t = await createTenant();
    expect(await rejection(removeMember(t.admin.ctx, t.owner.membershipId))).toMatchObject({ code: "forbidden", messageKey: "cannotRemoveOwner" });
    expect(await roleOf(t.owner.membershipId)).toBe("owner");
  });

  it("never removes the caller: leaving is a separate, deliberate action", async () => {
    const t = await createTenant();
    for (const self of [t.admin, t.owner]) {
      expect(await rejection(removeMember(self.ctx, self.membershipId))).toMatchObject({ code: "conflict", messageKey: "useLeaveInstead" });
      expect(await roleOf(self.membershipId)).toBe(self.role);
    }
  });
});

describe("leaveWorkspace", () => {
  it("removes the caller and releases their assignments in this workspace only", async () => {
    const t = await createTenant("A");
    const other = await createTenant("B");
    const elsewhere = await alsoWorksIn(other, t.agent.userId);

    await leaveWorkspace(t.agent.ctx);

    expect(await roleOf(t.agent.membershipId)).toBeNull();
    expect(await assignee(t.conversations[0]?.id ?? "")).toBeNull();
    expect(await assignee(elsewhere)).toBe(t.agent.userId);
    expect(await prisma.membership.count({ where: { userId: t.agent.userId } })).toBe(1);
    expect(await audits(t.workspace.id, "member.left")).toMatchObject([{ actorId: t.agent.userId, targetId: t.agent.userId }]);

    // Leaving twice: no longer a member.
    expect(await rejection(leaveWorkspace(t.agent.ctx))).toMatchObject({ code: "not_found", messageKey: "memberNotFound" });
  });

  it("lets an admin leave", async () => {
    const t = await createTenant();
    await leaveWorkspace(t.admin.ctx);
    expect(await roleOf(t.admin.membershipId)).toBeNull();
    expect(await assignee(t.conversations[1]?.id ?? "")).toBeNull();
  });

  it("keeps the owner until ownership is transferred", async () => {
    const t = await createTenant();
    const before = await snapshotWorkspace(t.workspace.id);
    expect(await rejection(leaveWorkspace(t.owner.ctx))).toMatchObject({ code: "conflict", messageKey: "ownerMustTransfer" });
    expect(await snapshotWorkspace(t.workspace.id)).toEqual(before);
  });
});

describe("transferOwnership", () => {
  it("makes the target owner and the caller admin, leaving exactly one owner", async () => {
    const t = await createTenant();
    await transferOwnership(t.owner.ctx, t.agent.membershipId);

    expect(await roleOf(t.agent.membershipId)).toBe("owner");
    expect(await roleOf(t.owner.membershipId)).toBe("admin");
    expect((await owners(t.workspace.id)).map((m) => m.userId)).toEqual([t.agent.userId]);
    expect(await audits(t.workspace.id, "workspace.ownership_transferred")).toMatchObject([{ actorId: t.owner.userId, targetId: t.agent.userId }]);

    // The former owner may now leave; the new one may not.
    await leaveWorkspace({ ...t.owner.ctx, role: "admin" });
    expect(await rejection(leaveWorkspace({ ...t.agent.ctx, role: "owner" }))).toMatchObject({ messageKey: "ownerMustTransfer" });
  });

  it("is for the owner only", async () => {
    const t = await createTenant();
    expect(await rejection(transferOwnership(t.admin.ctx, t.admin.membershipId))).toMatchObject({ code: "forbidden" });
    expect((await owners(t.workspace.id)).map((m) => m.userId)).toEqual([t.owner.userId]);
  });

  it("refuses a transfer to oneself", async () => {
    const t = await createTenant();
    expect(await rejection(transferOwnership(t.owner.ctx, t.owner.membershipId))).toMatchObject({ code: "conflict", messageKey: "alreadyOwner" });
    expect(await roleOf(t.owner.membershipId)).toBe("owner");
  });

  it("refuses a second transfer from a stale owner context, changing nothing", async () => {
    const t = await createTenant();
    await transferOwnership(t.owner.ctx, t.admin.membershipId);
    const before = await snapshotWorkspace(t.workspace.id);

    // t.owner.ctx still says "owner", as a request begun before the transfer would.
    expect(await rejection(transferOwnership(t.owner.ctx, t.agent.membershipId))).toMatchObject({ code: "forbidden" });
    expect(await snapshotWorkspace(t.workspace.id)).toEqual(before);
  });

  it("leaves exactly one owner when two transfers race", async () => {
    const t = await createTenant();
    const results = await Promise.allSettled([
      transferOwnership(t.owner.ctx, t.admin.membershipId),
      transferOwnership(t.owner.ctx, t.agent.membershipId),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const remaining = await owners(t.workspace.id);
    expect(remaining).toHaveLength(1);
    expect([t.admin.userId, t.agent.userId]).toContain(remaining[0]?.userId);
    expect(await roleOf(t.owner.membershipId)).toBe("admin");
  });
});

describe("ownership only moves by transfer", () => {
  it("refuses 'owner' as a role to give, even from a caller that bypassed the types", async () => {
    const t = await createTenant();
    const before = await snapshotWorkspace(t.workspace.id);
    const promote = changeMemberRole(t.owner.ctx, t.agent.membershipId, "owner" as "admin");
    expect(await rejection(promote)).toMatchObject({ code: "forbidden" });
    expect(await snapshotWorkspace(t.workspace.id)).toEqual(before);
  });
});
