import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createTenant } from "@/test/fixtures/tenants";
import { CONTACTS_PAGE_SIZE, listContacts, type ListContactsOptions } from "./list-contacts";
import { SORT_FIELDS, type ContactSort } from "./filter/sort";

async function emptyWorkspace() {
  const t = await createTenant();
  await prisma.contact.deleteMany({ where: { workspaceId: t.workspace.id } });
  return t;
}

type Ctx = Parameters<typeof listContacts>[0];

async function allPages(ctx: Ctx, options: ListContactsOptions = {}) {
  const pages: Awaited<ReturnType<typeof listContacts>>[] = [];
  let after: string | undefined;
  do {
    const page = await listContacts(ctx, { ...options, after });
    pages.push(page);
    after = page.nextCursor;
  } while (after && pages.length < 50);
  return pages;
}

/** From the last page back to the first through `previousCursor`. */
async function allPagesBackwards(ctx: Ctx, options: ListContactsOptions, last: Awaited<ReturnType<typeof listContacts>>) {
  const pages = [last];
  let before = last.previousCursor;
  while (before && pages.length < 50) {
    const page = await listContacts(ctx, { ...options, before });
    pages.unshift(page);
    before = page.previousCursor;
  }
  return pages;
}

describe("listContacts", () => {
  it("lists newest first with the fields the table shows", async () => {
    const t = await emptyWorkspace();
    const base = Date.now();
    for (const [i, name] of ["Oldest", "Middle", "Newest"].entries()) {
      await prisma.contact.create({ data: { workspaceId: t.workspace.id, phone: `+628100000000${i}`, name, createdAt: new Date(base + i * 1000) } });
    }
    const page = await listContacts(t.agent.ctx);
    expect(page.contacts.map((c) => c.name)).toEqual(["Newest", "Middle", "Oldest"]);
    expect(Object.keys(page.contacts[0] ?? {}).sort()).toEqual(
      ["createdAt", "customFields", "email", "groups", "id", "lastInboundAt", "name", "optedInAt", "optedOutAt", "phone", "profileName", "referralSourceId", "tags"].sort(),
    );
    expect(page).toMatchObject({ total: 3, nextCursor: undefined, previousCursor: undefined });
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
    const second = await listContacts(t.owner.ctx, { after: first.nextCursor });
    expect(second.contacts.map((c) => c.phone)).toEqual(["+628770000000"]);
    expect(second.nextCursor).toBeUndefined();
  });

  it("walks every order both ways, empty values last, each contact once, the pages the same backwards", async () => {
    const t = await emptyWorkspace();
    const base = Date.UTC(2026, 0, 1);
    // Names and last-inbound times with repeats and gaps (nulls), so ties and nulls cross page ends.
    await prisma.contact.createMany({
      data: Array.from({ length: 57 }, (_, i) => ({
        workspaceId: t.workspace.id,
        phone: i % 9 === 0 ? null : `+62811${String(i).padStart(7, "0")}`,
        waId: `62811${String(i).padStart(7, "0")}`,
        name: i % 4 === 0 ? null : `Name ${String(i % 7)}`,
        lastInboundAt: i % 3 === 0 ? null : new Date(base + (i % 5) * 60_000),
        createdAt: new Date(base + (i % 6) * 1000),
      })),
    });
    const everyone = await prisma.contact.findMany({ where: { workspaceId: t.workspace.id } });
    for (const by of SORT_FIELDS) {
      for (const dir of ["asc", "desc"] as const) {
        const sort: ContactSort = { by, dir };
        const options = { sort, pageSize: 10 };
        const pages = await allPages(t.owner.ctx, options);
        const rows = pages.flatMap((p) => p.contacts);
        expect(new Set(rows.map((r) => r.id)).size, `${by} ${dir}`).toBe(57);

        // The order the table promises, computed here by hand: values in `dir`, nulls last, then id.
        const value = (r: (typeof everyone)[number]) => {
          const v = r[by];
          return v instanceof Date ? v.getTime() : v;
        };
        const expected = [...everyone]
          .sort((a, b) => {
            const [va, vb] = [value(a), value(b)];
            if (va === null && vb !== null) return 1;
            if (vb === null && va !== null) return -1;
            const cmp = va === vb ? 0 : va! < vb! ? -1 : 1;
            const byId = a.id < b.id ? -1 : 1;
            return (dir === "asc" ? 1 : -1) * (cmp !== 0 ? cmp : byId);
          })
          .map((r) => r.id);
        expect(rows.map((r) => r.id), `${by} ${dir}`).toEqual(expected);

        const backwards = await allPagesBackwards(t.owner.ctx, options, pages.at(-1)!);
        expect(backwards.map((p) => p.contacts.map((c) => c.id)), `${by} ${dir} backwards`).toEqual(pages.map((p) => p.contacts.map((c) => c.id)));
        expect(backwards[0]!.previousCursor).toBeUndefined();
      }
    }
  });

  it("treats a cursor that is not ours as the first page", async () => {
    const t = await createTenant();
    const first = await listContacts(t.owner.ctx);
    for (const after of ["not-base64-json", Buffer.from(JSON.stringify([null, "x"])).toString("base64url"), Buffer.from("[1,2]").toString("base64url")]) {
      expect((await listContacts(t.owner.ctx, { after })).contacts).toEqual(first.contacts);
    }
  });
});
