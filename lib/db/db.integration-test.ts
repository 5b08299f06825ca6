/**
 * The database plumbing itself: per-file schemas (test/setup-db.ts), the migrations as applied
 * into them, and the schema's constraints that the app relies on.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { prisma } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { createIsolatedSchema, type IsolatedSchema } from "@/lib/db/isolated-schema";
import { pgConfig } from "@/lib/db/url";
import { PrismaClient } from "@/lib/generated/prisma/client";

// Read while this module is evaluated: proves test/setup-db.ts ran before the file's imports.
const urlAtImport = process.env.DATABASE_URL ?? "";
const fileSchema = pgConfig(urlAtImport).schema;

async function catalog<T extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<T[]> {
  const client = new pg.Client(pgConfig(inject("databaseBaseUrl")).config);
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

async function workspaceWithContact(slug: string) {
  const workspace = await prisma.workspace.create({ data: { name: slug, slug } });
  const contact = await prisma.contact.create({ data: { workspaceId: workspace.id, phone: "+6281234567890" } });
  return { workspace, contact };
}

describe("per-file schema", () => {
  it("is set before the test file's imports run", () => {
    expect(fileSchema).toMatch(/^test_/);
  });

  it("holds the migrated tables, enum types and indexes", async () => {
    const tables = await catalog<{ n: number }>("select count(*)::int as n from pg_tables where schemaname = $1", [fileSchema]);
    const enums = await catalog<{ typname: string }>(
      "select t.typname from pg_type t join pg_namespace n on n.oid = t.typnamespace where n.nspname = $1 and t.typtype = 'e'",
      [fileSchema],
    );
    const index = await catalog<{ indexname: string }>(
      "select indexname from pg_indexes where schemaname = $1 and indexname = 'Conversation_contactId_isOpen_key'",
      [fileSchema],
    );
    expect(tables[0]?.n).toBeGreaterThan(20);
    expect(enums.map((e) => e.typname)).toContain("ConversationStatus");
    expect(index).toHaveLength(1);
  });

  describe("against another schema", () => {
    let other: IsolatedSchema;
    let otherPrisma: PrismaClient;

    beforeAll(async () => {
      other = await createIsolatedSchema(inject("databaseBaseUrl"), "test");
      const { config, schema } = pgConfig(other.url);
      otherPrisma = new PrismaClient({ adapter: new PrismaPg(config, { schema }) });
    });

    afterAll(async () => {
      await otherPrisma.$disconnect();
      await other.drop();
    });

    it("neither sees the other's writes", async () => {
      // Same unique slug in both: would collide if they shared tables.
      await prisma.workspace.create({ data: { name: "Mine", slug: "same-slug" } });
      await otherPrisma.workspace.create({ data: { name: "Theirs", slug: "same-slug" } });

      expect(await prisma.workspace.findUnique({ where: { slug: "same-slug" } })).toMatchObject({ name: "Mine" });
      expect(await otherPrisma.workspace.findUnique({ where: { slug: "same-slug" } })).toMatchObject({ name: "Theirs" });
      const rows = await catalog<{ name: string }>(`select name from "${fileSchema}"."Workspace" where slug = $1`, ["same-slug"]);
      expect(rows).toEqual([{ name: "Mine" }]);
    });
  });
});

describe("enum columns", () => {
  it("store, filter and reject unknown values", async () => {
    const { workspace } = await workspaceWithContact("enums");
    const user = await prisma.user.create({ data: { email: "enum@example.com" } });
    await prisma.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: "admin" } });

    const admins = await prisma.membership.findMany({ where: { workspaceId: workspace.id, role: { in: ["owner", "admin"] } } });
    expect(admins.map((m) => m.role)).toEqual(["admin"]);
    await expect(
      // @ts-expect-error — not a Role
      prisma.membership.update({ where: { id: admins[0]?.id }, data: { role: "superuser" } }),
    ).rejects.toThrow();
  });
});

describe("one open conversation per contact", () => {
  it("refuses a second open conversation", async () => {
    const { workspace, contact } = await workspaceWithContact("two-open");
    await prisma.conversation.create({ data: { workspaceId: workspace.id, contactId: contact.id } });

    const second = prisma.conversation.create({ data: { workspaceId: workspace.id, contactId: contact.id } });
    await expect(second).rejects.toSatisfy(isUniqueViolation);
  });

  it("allows a new open conversation beside resolved ones", async () => {
    const { workspace, contact } = await workspaceWithContact("resolved-then-open");
    for (let i = 0; i < 2; i++) {
      const open = await prisma.conversation.create({ data: { workspaceId: workspace.id, contactId: contact.id } });
      await prisma.conversation.update({
        where: { id: open.id },
        data: { status: "resolved", isOpen: null, resolvedAt: new Date() },
      });
    }
    await prisma.conversation.create({ data: { workspaceId: workspace.id, contactId: contact.id } });

    const byStatus = await prisma.conversation.groupBy({
      by: ["status"],
      where: { contactId: contact.id },
      _count: true,
      orderBy: { status: "asc" },
    });
    expect(byStatus).toEqual([
      { status: "open", _count: 1 },
      { status: "resolved", _count: 2 },
    ]);
  });
});
