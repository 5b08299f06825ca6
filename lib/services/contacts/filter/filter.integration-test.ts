/** Every kind of condition against hand-built contacts whose matches are counted by hand. */
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { tenantDb } from "@/lib/db/tenant";
import { createTenant, type Tenant } from "@/test/fixtures/tenants";
import { type ContactCondition, contactFilterSchema, type ContactFilterInput } from "./schema";
import { filterWhere } from "./to-where";

let t: Tenant;
let other: Tenant;
const groups: Record<string, string> = {};
const tags: Record<string, string> = {};
const NOW = new Date("2026-12-07T12:00:00Z");
const DAY = 86_400_000;

// name, email, custom fields, groups, tags, opted out, last inbound (days ago), created (ISO), referral
const PEOPLE = [
  { name: "Ayu Lestari", email: "ayu@toko.id", custom: { city: "Jakarta", spend: 150, vip: true, since: "2024-03-01" }, groups: ["jakarta"], tags: ["vip"], out: false, inbound: 1, created: "2026-12-01T10:00:00Z", ref: "ad-1" },
  { name: "Budi Santoso", email: null, custom: { city: "Bandung", spend: 20 }, groups: ["bandung"], tags: [], out: true, inbound: 40, created: "2026-11-30T16:59:00Z", ref: null },
  { name: "Citra", email: "citra@mail.com", custom: { city: "jakarta selatan", vip: false }, groups: ["jakarta", "bandung"], tags: ["vip", "new"], out: false, inbound: null, created: "2026-11-30T17:00:00Z", ref: "ad-2" },
  { name: null, email: "", custom: {}, groups: [], tags: ["new"], out: false, inbound: 3, created: "2026-10-10T00:00:00Z", ref: "ad-1" },
  { name: "Dewi", email: "dewi@toko.id", custom: { spend: 999.5, since: "2025-01-15" }, groups: [], tags: [], out: true, inbound: null, created: "2026-01-01T00:00:00Z", ref: null },
];

beforeAll(async () => {
  t = await createTenant("F");
  other = await createTenant("G");
  await prisma.workspace.update({ where: { id: t.workspace.id }, data: { timezone: "Asia/Jakarta" } });
  await prisma.contact.deleteMany({ where: { workspaceId: t.workspace.id } });
  for (const name of ["jakarta", "bandung"]) groups[name] = (await prisma.contactGroup.create({ data: { workspaceId: t.workspace.id, name } })).id;
  for (const name of ["vip", "new"]) tags[name] = (await prisma.tag.create({ data: { workspaceId: t.workspace.id, name } })).id;
  for (const [i, p] of PEOPLE.entries()) {
    await prisma.contact.create({
      data: {
        workspaceId: t.workspace.id,
        phone: `+6281200000${i}0`,
        name: p.name,
        profileName: i === 3 ? "Eka WA" : null,
        email: p.email,
        customFields: p.custom,
        optedOutAt: p.out ? NOW : null,
        lastInboundAt: p.inbound === null ? null : new Date(NOW.getTime() - p.inbound * DAY),
        createdAt: new Date(p.created),
        referralSourceId: p.ref,
        referredAt: p.ref ? NOW : null,
        groups: { create: p.groups.map((g) => ({ groupId: groups[g]! })) },
        tags: { create: p.tags.map((g) => ({ tagId: tags[g]! })) },
      },
    });
  }
});

async function names(input: ContactFilterInput): Promise<(string | null)[]> {
  const filter = contactFilterSchema.parse(input);
  const where = filterWhere(filter, { workspaceId: t.workspace.id, timeZone: "Asia/Jakarta", now: NOW });
  const rows = await tenantDb(t.owner.ctx).contact.findMany({ where, select: { name: true, profileName: true }, orderBy: { phone: "asc" } });
  return rows.map((r) => r.name ?? r.profileName);
}

describe("contact filters", () => {
  it("an empty filter is every contact of the workspace, and only of it", async () => {
    expect(await names({})).toHaveLength(5);
    const theirs = await prisma.contact.count({ where: filterWhere(contactFilterSchema.parse({}), { workspaceId: other.workspace.id, timeZone: "UTC" }) });
    expect(theirs).toBe(3);
  });

  it("searches name, WhatsApp profile name, email and the digits of a phone", async () => {
    expect(await names({ search: "ayu" })).toEqual(["Ayu Lestari"]);
    expect(await names({ search: "eka" })).toEqual(["Eka WA"]);
    expect(await names({ search: "TOKO.ID" })).toEqual(["Ayu Lestari", "Dewi"]);
    expect(await names({ search: "+62 812-0000-020" })).toEqual(["Citra"]);
  });

  it("text conditions: contains, equals (case ignored), empty and not empty (an empty string is empty)", async () => {
    expect(await names({ conditions: [{ field: "name", op: "contains", value: "an" }] })).toEqual(["Budi Santoso"]);
    expect(await names({ conditions: [{ field: "name", op: "equals", value: "citra" }] })).toEqual(["Citra"]);
    expect(await names({ conditions: [{ field: "email", op: "empty" }] })).toEqual(["Budi Santoso", "Eka WA"]);
    expect(await names({ conditions: [{ field: "email", op: "notEmpty" }] })).toEqual(["Ayu Lestari", "Citra", "Dewi"]);
  });

  it("groups and tags: in any of, in none of", async () => {
    expect(await names({ conditions: [{ field: "group", op: "in", value: [groups.jakarta!] }] })).toEqual(["Ayu Lestari", "Citra"]);
    expect(await names({ conditions: [{ field: "group", op: "notIn", value: [groups.jakarta!, groups.bandung!] }] })).toEqual(["Eka WA", "Dewi"]);
    expect(await names({ conditions: [{ field: "tag", op: "in", value: [tags.new!] }] })).toEqual(["Citra", "Eka WA"]);
  });

  it("opted out, and the click-to-WhatsApp referral", async () => {
    expect(await names({ conditions: [{ field: "optedOut", op: "is", value: true }] })).toEqual(["Budi Santoso", "Dewi"]);
    expect(await names({ conditions: [{ field: "referral", op: "any" }] })).toEqual(["Ayu Lestari", "Citra", "Eka WA"]);
    expect(await names({ conditions: [{ field: "referral", op: "source", value: "ad-1" }] })).toEqual(["Ayu Lestari", "Eka WA"]);
    expect(await names({ conditions: [{ field: "referral", op: "none" }] })).toEqual(["Budi Santoso", "Dewi"]);
  });

  it("dates: a calendar day in the workspace's time zone, within N days, never", async () => {
    // 2026-11-30T17:00Z is 2026-12-01 00:00 in Jakarta; 16:59Z is still 30 November there.
    expect(await names({ conditions: [{ field: "createdAt", op: "on", value: "2026-12-01" }] })).toEqual(["Ayu Lestari", "Citra"]);
    expect(await names({ conditions: [{ field: "createdAt", op: "before", value: "2026-12-01" }] })).toEqual(["Budi Santoso", "Eka WA", "Dewi"]);
    expect(await names({ conditions: [{ field: "createdAt", op: "after", value: "2026-11-30" }] })).toEqual(["Ayu Lestari", "Citra"]);
    expect(await names({ conditions: [{ field: "lastInboundAt", op: "withinDays", value: 7 }] })).toEqual(["Ayu Lestari", "Eka WA"]);
    expect(await names({ conditions: [{ field: "lastInboundAt", op: "notWithinDays", value: 7 }] })).toEqual(["Budi Santoso", "Citra", "Dewi"]);
    expect(await names({ conditions: [{ field: "lastInboundAt", op: "empty" }] })).toEqual(["Citra", "Dewi"]);
  });

  it("custom fields: equals, contains, greater and less than (numbers and dates), empty", async () => {
    expect(await names({ conditions: [{ field: "custom", key: "city", op: "equals", value: "Jakarta" }] })).toEqual(["Ayu Lestari"]);
    expect(await names({ conditions: [{ field: "custom", key: "city", op: "contains", value: "akarta" }] })).toEqual(["Ayu Lestari", "Citra"]);
    expect(await names({ conditions: [{ field: "custom", key: "spend", op: "gt", value: 100 }] })).toEqual(["Ayu Lestari", "Dewi"]);
    expect(await names({ conditions: [{ field: "custom", key: "spend", op: "lt", value: 100 }] })).toEqual(["Budi Santoso"]);
    expect(await names({ conditions: [{ field: "custom", key: "since", op: "lt", value: "2025-01-01" }] })).toEqual(["Ayu Lestari"]);
    expect(await names({ conditions: [{ field: "custom", key: "vip", op: "equals", value: false }] })).toEqual(["Citra"]);
    expect(await names({ conditions: [{ field: "custom", key: "vip", op: "empty" }] })).toEqual(["Budi Santoso", "Eka WA", "Dewi"]);
    expect(await names({ conditions: [{ field: "custom", key: "vip", op: "notEmpty" }] })).toEqual(["Ayu Lestari", "Citra"]);
  });

  it("joins conditions with all / any, one level of groups deep", async () => {
    const vip: ContactCondition = { field: "tag", op: "in", value: [tags.vip!] };
    const out: ContactCondition = { field: "optedOut", op: "is", value: true };
    const bandung: ContactCondition = { field: "group", op: "in", value: [groups.bandung!] };
    expect(await names({ match: "any", conditions: [vip, out] })).toEqual(["Ayu Lestari", "Budi Santoso", "Citra", "Dewi"]);
    expect(await names({ match: "all", conditions: [vip, bandung] })).toEqual(["Citra"]);
    expect(await names({ match: "all", conditions: [{ field: "email", op: "notEmpty" }, { match: "any", conditions: [bandung, out] }] })).toEqual(["Citra", "Dewi"]);
    expect(await names({ search: "i", match: "any", conditions: [out] })).toEqual(["Budi Santoso", "Dewi"]);
    expect(await names({ search: "santoso", match: "any", conditions: [out, vip] })).toEqual(["Budi Santoso"]);
  });

  it("refuses what is not a filter", () => {
    for (const bad of [
      { conditions: [{ field: "name", op: "contains" }] },
      { conditions: [{ field: "password", op: "equals", value: "x" }] },
      { conditions: [{ field: "custom", key: "Bad Key", op: "empty" }] },
      { conditions: [{ field: "createdAt", op: "on", value: "yesterday" }] },
      { conditions: Array.from({ length: 21 }, () => ({ field: "optedOut", op: "is", value: true })) },
      { conditions: [{ match: "all", conditions: [{ match: "any", conditions: [{ field: "optedOut", op: "is", value: true }] }] }] },
    ]) {
      expect(contactFilterSchema.safeParse(bad).success, JSON.stringify(bad).slice(0, 80)).toBe(false);
    }
  });
});
