import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createTenants } from "@/test/fixtures/tenants";
import { resolveWorkspace } from "./workspace";

describe("resolveWorkspace", () => {
  it("gives each member their context, with the role from the database", async () => {
    const { A } = await createTenants();
    for (const member of [A.owner, A.admin, A.agent]) {
      expect(await resolveWorkspace(member.userId, A.workspace.slug)).toEqual({
        ctx: member.ctx,
        workspace: { id: A.workspace.id, name: A.workspace.name, slug: A.workspace.slug, defaultCountry: "ID", timezone: "Asia/Jakarta", mediaRetentionDays: null },
      });
    }
  });

  it("follows role changes and removals immediately", async () => {
    const { A } = await createTenants();
    await prisma.membership.update({ where: { id: A.agent.membershipId }, data: { role: "admin" } });
    expect((await resolveWorkspace(A.agent.userId, A.workspace.slug))?.ctx.role).toBe("admin");
    await prisma.membership.delete({ where: { id: A.agent.membershipId } });
    expect(await resolveWorkspace(A.agent.userId, A.workspace.slug)).toBeNull();
  });

  it("gives null — the same as a missing workspace — to a member of another workspace", async () => {
    const { A, B } = await createTenants();
    for (const outsider of [B.owner, B.admin, B.agent]) {
      expect(await resolveWorkspace(outsider.userId, A.workspace.slug)).toBeNull();
    }
    expect(await resolveWorkspace(B.owner.userId, "no-such-workspace")).toBeNull();
    expect(await resolveWorkspace("no-such-user", A.workspace.slug)).toBeNull();
  });
});
