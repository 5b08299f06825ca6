import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createTenant } from "@/test/fixtures/tenants";
import { CONTACTS_PAGE_SIZE, listContacts } from "./list-contacts";

async function emptyWorkspace() {
  const t = await createTenant();
  await prisma.contact.deleteMany({ where: { workspaceId: t.workspace.id } });
  return t;
}

async function allPages(ctx: Parameters<typeof listContacts>[0]) {
  const pages: Awaited<ReturnType<typeof listContacts>>[] = [];
  let cursor: string | undefined;
  do {
    const page = await listContacts(ctx, { cursor });
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor && pages.length < 20);
  return pages;
}

describe("listContacts", () => {
  it("lists newest first with the fields the list shows", async () => {
    const t = await emptyWorkspace();
    const base = Date.now();
    for (const [i, name] of ["Oldest", "Middle", "Newest"].entries()) {
      await prisma.contact.create({ data: { workspaceId: t.workspace.id, phone: `+628100000000${i}`, name, createdAt: new Date(base + i * 1000) } });
    }
    const page = await listContacts(t.agent.ctx);
    expect(page.contacts.map((c) => c.name)).toEqual(["Newest", "Middle", "Oldest"]);
    expect(Object.keys(page.contacts[0] ?? {}).sort()).toEqual(["createdAt", "id", "name", "optedOutAt", "phone", "profileName"]);
    expect(page).toMatchObject({ total: 3, nextCursor: undefined });
  });

  it("pages through every contact exactly once, even when many share a creation time", async () => {
    const t = await emptyWorkspace();
    const count = CONTACTS_PAGE_SIZE * 2 + 17;
    // One statement: every row gets the same createdAt, so only the id orders them.
    await prisma.contact.createMany({
      data: Array.from({ length: count }, (_, i) => ({ workspaceId: t.workspace.id, phone: `+62855${String(i).padStart(7, "0")}` })),
    });

    const pages = await allPages(t.owner.ctx);
    expect(pages.map((p) => p.contacts.length)).toEqual([CONTACTS_PAGE_SIZE, CONTACTS_PAGE_SIZE, 17]);
    expect(pages.every((p) => p.total === count)).toBe(true);
    const ids = pages.flatMap((p) => p.contacts.map((c) => c.id));
    expect(new Set(ids).size).toBe(count);
    expect(pages.at(-1)?.nextCursor).toBeUndefined();
  });

  it("gives no next page when the last page is exactly full", async () => {
    const t = await emptyWorkspace();
    await prisma.contact.createMany({
      data: Array.from({ length: CONTACTS_PAGE_SIZE }, (_, i) => ({ workspaceId: t.workspace.id, phone: `+62866${String(i).padStart(7, "0")}` })),
    });
    const page = await listContacts(t.owner.ctx);
    expect(page.contacts).toHaveLength(CONTACTS_PAGE_SIZE);
    expect(page.nextCursor).toBeUndefined();

    await prisma.contact.create({ data: { workspaceId: t.workspace.id, phone: "+628770000000", createdAt: new Date(0) } });
    const first = await listContacts(t.owner.ctx);
    expect(first.nextCursor).toBeDefined();
    const second = await listContacts(t.owner.ctx, { cursor: first.nextCursor });
    expect(second.contacts.map((c) => c.phone)).toEqual(["+628770000000"]);
    expect(second.nextCursor).toBeUndefined();
  });
});
