import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { WorkspaceContext } from "@/lib/auth/context";
import { createWorkspaceSchema } from "@/lib/validation/workspace";
import { uniqueEmail } from "@/test/fixtures/tenants";
import { createWorkspace } from "./create-workspace";
import { listWorkspacesForUser } from "./list-workspaces";
import { countConnections } from "./overview";
import { updateWorkspace } from "./update-workspace";

async function user(name = "Owner") {
  return prisma.user.create({ data: { email: uniqueEmail("ws"), name } });
}

const input = (name: string) => createWorkspaceSchema.parse({ name });

describe("createWorkspace", () => {
  it("makes the creator its only member, as owner, with the given settings", async () => {
    const creator = await user();
    const workspace = await createWorkspace(creator.id, { name: "Toko Budi & Sons", defaultCountry: "SG", timezone: "Asia/Singapore" });

    expect(workspace).toMatchObject({ name: "Toko Budi & Sons", slug: "toko-budi-sons" });
    const memberships = await prisma.membership.findMany({ where: { workspaceId: workspace.id } });
    expect(memberships.map((m) => ({ userId: m.userId, role: m.role }))).toEqual([{ userId: creator.id, role: "owner" }]);
    expect(await prisma.workspace.findUniqueOrThrow({ where: { id: workspace.id } })).toMatchObject({
      defaultCountry: "SG",
      timezone: "Asia/Singapore",
    });
  });

  it("derives url-safe slugs from unicode, punctuation, reserved words and very short names", async () => {
    const creator = await user();
    const cases: [string, RegExp][] = [
      ["Café Crème", /^cafe-creme$/],
      ["東京 Sushi!!", /^sushi$/],
      ["東京", /^workspace$/],
      ["Settings", /^workspace-settings$/],
      ["Ab", /^ab$/],
    ];
    for (const [name, slug] of cases) {
      const workspace = await createWorkspace(creator.id, input(name));
      expect(workspace.slug, name).toMatch(slug);
    }
  });

  it("gives a second workspace with the same name a distinct slug", async () => {
    const [first, second] = [await user("First"), await user("Second")];
    const a = await createWorkspace(first.id, input("Warung Sari"));
    const b = await createWorkspace(second.id, input("Warung Sari"));
    const c = await createWorkspace(second.id, input("warung  SARI!"));

    expect(a.slug).toBe("warung-sari");
    expect(b.slug).toMatch(/^warung-sari-[0-9a-f]{4}$/);
    expect(c.slug).toMatch(/^warung-sari-[0-9a-f]{4}$/);
    expect(new Set([a.slug, b.slug, c.slug]).size).toBe(3);
    // Each creator owns only their own.
    expect((await listWorkspacesForUser(first.id)).map((w) => w.id)).toEqual([a.id]);
  });

  it("finds distinct slugs for concurrent creations with one name", async () => {
    const creator = await user();
    const workspaces = await Promise.all(Array.from({ length: 4 }, () => createWorkspace(creator.id, input("Rush Hour"))));
    expect(new Set(workspaces.map((w) => w.slug)).size).toBe(4);
    expect(await prisma.membership.count({ where: { userId: creator.id, role: "owner" } })).toBe(4);
  });
});

describe("listWorkspacesForUser", () => {
  it("lists the user's workspaces by name with their role there, and nobody else's", async () => {
    const me = await user("Me");
    const other = await user("Other");
    const zebra = await createWorkspace(me.id, input("Zebra Shop"));
    const apple = await createWorkspace(other.id, input("Apple Store"));
    await prisma.membership.create({ data: { workspaceId: apple.id, userId: me.id, role: "agent" } });
    await createWorkspace(other.id, input("Not Mine"));

    expect(await listWorkspacesForUser(me.id)).toEqual([
      { id: apple.id, name: "Apple Store", slug: apple.slug, role: "agent" },
      { id: zebra.id, name: "Zebra Shop", slug: zebra.slug, role: "owner" },
    ]);
  });
});

describe("updateWorkspace", () => {
  async function team() {
    const owner = await user("Owner");
    const workspace = await createWorkspace(owner.id, input("Before Update"));
    const ctx = (userId: string, role: WorkspaceContext["role"]): WorkspaceContext => ({ workspaceId: workspace.id, userId, role });
    const admin = await user("Admin");
    const agent = await user("Agent");
    await prisma.membership.createMany({
      data: [
        { workspaceId: workspace.id, userId: admin.id, role: "admin" },
        { workspaceId: workspace.id, userId: agent.id, role: "agent" },
      ],
    });
    return { workspace, owner: ctx(owner.id, "owner"), admin: ctx(admin.id, "admin"), agent: ctx(agent.id, "agent") };
  }

  const changes = { name: "After Update", defaultCountry: "MY", timezone: "Asia/Kuala_Lumpur" };

  it("lets an admin change name, country and timezone, keeps the slug, and writes an audit row", async () => {
    const { workspace, admin } = await team();
    const updated = await updateWorkspace(admin, changes);

    expect(updated).toEqual({ id: workspace.id, slug: workspace.slug, ...changes });
    expect(await prisma.workspace.findUniqueOrThrow({ where: { id: workspace.id } })).toMatchObject({ slug: workspace.slug, ...changes });
    const audit = await prisma.auditLog.findMany({ where: { workspaceId: workspace.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: admin.userId,
      action: "workspace.updated",
      targetType: "workspace",
      targetId: workspace.id,
      metadata: changes,
    });
  });

  it("refuses an agent with forbidden, changing nothing and auditing nothing", async () => {
    const { workspace, agent } = await team();
    const before = await prisma.workspace.findUniqueOrThrow({ where: { id: workspace.id } });

    const error = await updateWorkspace(agent, changes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "forbidden" });

    expect(await prisma.workspace.findUniqueOrThrow({ where: { id: workspace.id } })).toEqual(before);
    expect(await prisma.auditLog.count({ where: { workspaceId: workspace.id } })).toBe(0);
  });
});

describe("countConnections", () => {
  it("counts the workspace's WhatsApp connections only", async () => {
    const owner = await user();
    const mine = await createWorkspace(owner.id, input("Connected"));
    const theirs = await createWorkspace(owner.id, input("Other Connected"));
    const ctx: WorkspaceContext = { workspaceId: mine.id, userId: owner.id, role: "owner" };
    expect(await countConnections(ctx)).toBe(0);

    const connection = (workspaceId: string, n: string) => ({
      workspaceId,
      phoneNumberId: `pn-count-${n}-${workspaceId}`,
      wabaId: "waba",
      accessTokenEncrypted: "v1:test:x",
      webhookVerifyToken: "verify-token",
    });
    await prisma.whatsappConnection.createMany({ data: [connection(mine.id, "1"), connection(mine.id, "2"), connection(theirs.id, "1")] });
    expect(await countConnections(ctx)).toBe(2);
  });
});
