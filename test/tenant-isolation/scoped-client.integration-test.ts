/**
 * The proof that a forgotten `where: { workspaceId }` cannot leak: queries through tenantDb(B)
 * that name no workspace, or name A's rows, read and change nothing of A (lib/db/tenant.ts).
 * And the coverage detector reports a service that escaped the old regex (coverage.test.ts).
 */
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { TENANT_MODELS, TenantScopeViolation, tenantDb } from "@/lib/db/tenant";
import { pgConfig } from "@/lib/db/url";
import { createTenants } from "@/test/fixtures/tenants";
import { findTenantFunctions } from "./find-tenant-functions";
import { expectNothingOf, untouched } from "./helpers";

describe("tenantDb", () => {
  it("scopes every model with a workspaceId column, as the database has them", async () => {
    const schema = pgConfig(process.env.DATABASE_URL ?? "").schema;
    const tables = await prisma.$queryRaw<{ table: string }[]>`
      SELECT table_name AS "table" FROM information_schema.columns
       WHERE table_schema = ${schema} AND column_name = 'workspaceId' ORDER BY table_name`;
    expect([...TENANT_MODELS].sort()).toEqual(tables.map((t) => t.table).sort());
  });

  it("reads nothing of A when a query forgets its workspace", async () => {
    const { A, B } = await createTenants();
    const db = tenantDb(B.owner.ctx);
    await untouched(A, async () => {
      const conversations = await db.conversation.findMany();
      expect(conversations.map((c) => c.id).sort()).toEqual(B.conversations.map((c) => c.id).sort());
      expectNothingOf(A, await db.message.findMany({ include: { media: true } }));
      expect(await db.message.findFirst({ where: { id: A.messages[0]?.id } })).toBeNull();
      expect(await db.contact.findUnique({ where: { id: A.contacts[0]?.id ?? "" } })).toBeNull();
      await expect(db.conversation.findUniqueOrThrow({ where: { id: A.conversations[0]?.id ?? "" } })).rejects.toThrow();
      expect(await db.message.count()).toBe(B.messages.length);
      expect(await db.message.count({ where: { conversationId: A.messages[0]?.conversationId } })).toBe(0);
      expect((await db.contact.aggregate({ _count: { _all: true } }))._count._all).toBe(B.contacts.length);
      const groups = await db.message.groupBy({ by: ["workspaceId"], _count: { _all: true } });
      expect(groups.map((g) => g.workspaceId)).toEqual([B.workspace.id]);
      // A caller naming A's workspace outright still finds nothing: both conditions hold.
      expect(await db.conversation.findMany({ where: { workspaceId: A.workspace.id } })).toEqual([]);
      expect(await db.workspace.findMany()).toEqual([expect.objectContaining({ id: B.workspace.id })]);
    });
  });

  it("changes nothing of A when a write forgets its workspace", async () => {
    const { A, B } = await createTenants();
    const db = tenantDb(B.owner.ctx);
    await untouched(A, async () => {
      const updated = await db.conversation.updateMany({ data: { unreadCount: 7 } });
      expect(updated.count).toBe(B.conversations.length);
      expect((await db.message.updateMany({ where: { id: A.messages[0]?.id }, data: { errorTitle: "x" } })).count).toBe(0);
      await expect(db.contact.update({ where: { id: A.contacts[0]?.id ?? "" }, data: { name: "Taken" } })).rejects.toMatchObject({ code: "P2025" });
      await expect(db.message.delete({ where: { id: A.messages[0]?.id ?? "" } })).rejects.toMatchObject({ code: "P2025" });
      expect((await db.note.deleteMany()).count).toBe(0);
      expect((await db.auditLog.deleteMany()).count).toBeGreaterThan(0);
      await expect(db.workspace.update({ where: { id: A.workspace.id }, data: { name: "Taken" } })).rejects.toMatchObject({ code: "P2025" });
    });
    expect(await prisma.auditLog.count({ where: { workspaceId: B.workspace.id } })).toBe(0);
    expect(await prisma.conversation.count({ where: { workspaceId: B.workspace.id, unreadCount: 7 } })).toBe(B.conversations.length);
  });

  it("writes new rows into its own workspace and refuses a create that names another", async () => {
    const { A, B } = await createTenants();
    const db = tenantDb(B.owner.ctx);
    await untouched(A, async () => {
      await expect(db.tag.create({ data: { workspaceId: A.workspace.id, name: "stolen" } })).rejects.toBeInstanceOf(TenantScopeViolation);
      await expect(db.tag.createMany({ data: [{ workspaceId: B.workspace.id, name: "ok" }, { workspaceId: A.workspace.id, name: "stolen" }] })).rejects.toBeInstanceOf(
        TenantScopeViolation,
      );
      await expect(db.tag.create({ data: { name: "stolen", workspace: { connect: { id: A.workspace.id } } } })).rejects.toBeInstanceOf(TenantScopeViolation);
      await expect(db.contact.update({ where: { id: B.contacts[0]?.id ?? "" }, data: { workspaceId: A.workspace.id } })).rejects.toBeInstanceOf(
        TenantScopeViolation,
      );
      await expect(
        db.tag.upsert({ where: { workspaceId_name: { workspaceId: B.workspace.id, name: "u" } }, create: { workspaceId: A.workspace.id, name: "u" }, update: {} }),
      ).rejects.toBeInstanceOf(TenantScopeViolation);
      await expect(db.workspace.create({ data: { name: "New", slug: "new-from-tenant" } })).rejects.toBeInstanceOf(TenantScopeViolation);
      // Named or not, a new row lands in B.
      const named = await db.tag.create({ data: { workspaceId: B.workspace.id, name: "mine" } });
      const viaRelation = await db.tag.create({ data: { name: "also mine", workspace: { connect: { id: B.workspace.id } } } });
      expect([named.workspaceId, viaRelation.workspaceId]).toEqual([B.workspace.id, B.workspace.id]);
    });
  });

  it("keeps its scope inside a transaction", async () => {
    const { A, B } = await createTenants();
    await untouched(A, async () => {
      const ids = await tenantDb(B.agent.ctx).$transaction(async (tx) => {
        await tx.conversation.updateMany({ data: { unreadCount: 3 } });
        return (await tx.conversation.findMany({ select: { id: true } })).map((c) => c.id);
      });
      expect(ids.sort()).toEqual(B.conversations.map((c) => c.id).sort());
    });
  });

  it("takes a bare workspace id, and leaves models without one alone", async () => {
    const { A, B } = await createTenants();
    const db = tenantDb({ workspaceId: B.workspace.id });
    expect(await db.contact.count()).toBe(B.contacts.length);
    expect(await db.user.findUnique({ where: { id: A.owner.userId } })).not.toBeNull();
    expect(() => tenantDb({ workspaceId: "" })).toThrow(TenantScopeViolation);
  });
});

describe("the coverage detector", () => {
  it("reports an unscoped exported service that the old regex missed", () => {
    const source = `
      import { prisma } from "@/lib/db";
      // Forgets its workspace: an arrow function, and a workspaceId string parameter.
      export const listAllContacts = async (workspaceId: string) => prisma.contact.findMany();
      export const findContact = async (context: WorkspaceContext, id: string) => prisma.contact.findUnique({ where: { id } });
    `;
    expect(findTenantFunctions("lib/somewhere/leaky.ts", source).map((f) => f.name)).toEqual(["listAllContacts", "findContact"]);
  });
});
