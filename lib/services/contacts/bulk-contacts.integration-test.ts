/**
 * The table's bulk actions, segments and export against contacts counted by hand: a selection by
 * filter minus unticked rows, adding and removing labels (idempotent, new labels by name), delete
 * with its audit row, segments' live counts after the data changes, and the CSV's rows and cells.
 */
import Papa from "papaparse";
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createTenant, type Tenant } from "@/test/fixtures/tenants";
import type { AppError } from "@/lib/errors";
import type { ContactFilter } from "./filter/schema";
import { deleteContacts, labelContacts } from "./bulk-contacts";
import { countContacts, deleteSegment, listSegments, MAX_SEGMENTS, saveSegment, segmentWhere } from "./segments";
import { exportContacts } from "./export-contacts";

let t: Tenant;
let vip: string;
const ids: string[] = [];

// 12 contacts: every third opted out; the first five in the VIP group; names sort as "Contact 00".."11".
beforeEach(async () => {
  t = await createTenant("K");
  await prisma.contact.deleteMany({ where: { workspaceId: t.workspace.id } });
  vip = (await prisma.contactGroup.create({ data: { workspaceId: t.workspace.id, name: "VIP" } })).id;
  ids.length = 0;
  for (let i = 0; i < 12; i++) {
    const contact = await prisma.contact.create({
      data: {
        workspaceId: t.workspace.id,
        phone: `+62812000001${String(i).padStart(2, "0")}`,
        name: `Contact ${String(i).padStart(2, "0")}`,
        email: i === 0 ? "=HYPERLINK(\"http://evil\")" : null,
        optedOutAt: i % 3 === 0 ? new Date() : null,
        customFields: i === 1 ? { city: "Jakarta, Selatan", note: "line one\nline two" } : {},
        groups: i < 5 ? { create: { groupId: vip } } : undefined,
      },
    });
    ids.push(contact.id);
  }
  await prisma.customField.createMany({
    data: [
      { workspaceId: t.workspace.id, key: "city", label: "City", type: "text" },
      { workspaceId: t.workspace.id, key: "note", label: "Note", type: "text" },
    ],
  });
});

const subscribed: ContactFilter = { match: "all", conditions: [{ field: "optedOut", op: "is", value: false }] };
const vipFilter = (): ContactFilter => ({ match: "all", conditions: [{ field: "group", op: "in", value: [vip] }] });

async function csvOf(where: Parameters<typeof exportContacts>[1]) {
  const out = await exportContacts(t.owner.ctx, where, new Date("2026-12-07T10:00:00Z"));
  let text = "";
  for await (const chunk of out.chunks) text += chunk;
  return { ...out, text, rows: Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data };
}

describe("labelContacts", () => {
  it("adds a new tag by name to everything a filter matches minus the rows unticked, once", async () => {
    const except = [ids[1]!, ids[2]!];
    const selection = { kind: "filter" as const, filter: subscribed, except };
    const first = await labelContacts(t.agent.ctx, { selection, action: "add", kind: "tag", name: "Promo Desember" });
    expect(first.changed).toBe(8 - 2); // 8 subscribed, two unticked
    const again = await labelContacts(t.agent.ctx, { selection, action: "add", kind: "tag", labelId: first.labelId });
    expect(again.changed).toBe(0);
    expect(await prisma.contactTag.count({ where: { tagId: first.labelId } })).toBe(6);
    expect(await prisma.tag.count({ where: { workspaceId: t.workspace.id, name: "Promo Desember" } })).toBe(1);
  });

  it("removes a group from picked rows only", async () => {
    const removed = await labelContacts(t.agent.ctx, { selection: { kind: "ids", ids: [ids[0]!, ids[1]!, ids[9]!] }, action: "remove", kind: "group", labelId: vip });
    expect(removed.changed).toBe(2); // the third was never in it
    expect(await prisma.contactGroupMember.count({ where: { groupId: vip } })).toBe(3);
  });

  it("refuses a removal without a label, and a selection past the limit, changing nothing", async () => {
    const noLabel = await labelContacts(t.agent.ctx, { selection: { kind: "ids", ids }, action: "remove", kind: "tag", name: "x" }).catch((e: AppError) => e);
    expect(noLabel).toMatchObject({ code: "invalid", messageKey: "labelRequired" });
    const tooMany = await labelContacts(t.agent.ctx, { selection: { kind: "ids", ids: Array.from({ length: 1001 }, (_, i) => `c${i}`) }, action: "add", kind: "tag", name: "x" }).catch(
      (e: AppError) => e,
    );
    expect(tooMany).toMatchObject({ code: "invalid", messageKey: "selectionTooLarge" });
    expect(await prisma.tag.count({ where: { workspaceId: t.workspace.id } })).toBe(0);
  });
});

describe("deleteContacts", () => {
  it("deletes what the filter matches now, with the conversations, and audits the count", async () => {
    const conversation = await prisma.conversation.create({ data: { workspaceId: t.workspace.id, contactId: ids[0]!, connectionId: t.connection.id, lastMessageAt: new Date() } });
    const optedOut: ContactFilter = { match: "all", conditions: [{ field: "optedOut", op: "is", value: true }] };
    expect(await deleteContacts(t.owner.ctx, { selection: { kind: "filter", filter: optedOut, except: [ids[3]!] } })).toEqual({ deleted: 3 });
    expect(await prisma.contact.count({ where: { workspaceId: t.workspace.id } })).toBe(9);
    expect(await prisma.conversation.count({ where: { id: conversation.id } })).toBe(0);
    const audit = await prisma.auditLog.findFirst({ where: { workspaceId: t.workspace.id, action: "contacts.deleted" } });
    expect(audit).toMatchObject({ actorId: t.owner.userId, metadata: { count: 3, selection: "filter" } });
  });

  it("is refused to agents", async () => {
    const refused = await deleteContacts(t.agent.ctx, { selection: { kind: "ids", ids } }).catch((e: AppError) => e);
    expect(refused).toMatchObject({ code: "forbidden" });
    expect(await prisma.contact.count({ where: { workspaceId: t.workspace.id } })).toBe(12);
  });
});

describe("segments", () => {
  it("count who matches now, and follow the data as it changes", async () => {
    const segment = await saveSegment(t.agent.ctx, { name: "Subscribed VIPs", filter: { match: "all", conditions: [...vipFilter().conditions, ...subscribed.conditions] } });
    const count = async () => prisma.contact.count({ where: await segmentWhere(t.agent.ctx, segment.id) });
    expect(await count()).toBe(3); // VIP 0..4, minus 0 and 3 opted out
    await prisma.contact.update({ where: { id: ids[1]! }, data: { optedOutAt: new Date() } });
    expect(await count()).toBe(2);
    expect(await countContacts(t.agent.ctx, { match: "any", conditions: [...vipFilter().conditions, ...subscribed.conditions] })).toBe(5 + 7 - 2);
  });

  it("are listed by name, renamed, refused a taken name, and deleted", async () => {
    const b = await saveSegment(t.agent.ctx, { name: "Bandung", filter: subscribed });
    await saveSegment(t.agent.ctx, { name: "  Aceh ", filter: vipFilter() });
    expect((await listSegments(t.agent.ctx)).map((s) => s.name)).toEqual(["Aceh", "Bandung"]);
    const taken = await saveSegment(t.agent.ctx, { segmentId: b.id, name: "Aceh", filter: subscribed }).catch((e: AppError) => e);
    expect(taken).toMatchObject({ code: "conflict", messageKey: "segmentNameTaken", field: "name" });
    await saveSegment(t.agent.ctx, { segmentId: b.id, name: "Bandung raya", filter: vipFilter() });
    const saved = (await listSegments(t.agent.ctx)).find((s) => s.id === b.id);
    expect(saved).toMatchObject({ name: "Bandung raya", filter: { conditions: [{ field: "group", value: [vip] }] } });
    await deleteSegment(t.agent.ctx, b.id);
    expect((await listSegments(t.agent.ctx)).map((s) => s.name)).toEqual(["Aceh"]);
  });

  it("refuse an empty name, an invalid filter, and one past the limit", async () => {
    expect(await saveSegment(t.agent.ctx, { name: " ", filter: subscribed }).catch((e: AppError) => e)).toMatchObject({ messageKey: "segmentNameRequired" });
    const bad = await saveSegment(t.agent.ctx, { name: "Bad", filter: { match: "all", conditions: [{ field: "createdAt", op: "before", value: "yesterday" }] } as never }).catch(
      (e: AppError) => e,
    );
    expect(bad).toMatchObject({ code: "invalid" });
    await prisma.segment.createMany({ data: Array.from({ length: MAX_SEGMENTS }, (_, i) => ({ workspaceId: t.workspace.id, name: `S${i}`, filter: {} })) });
    expect(await saveSegment(t.agent.ctx, { name: "One more", filter: subscribed }).catch((e: AppError) => e)).toMatchObject({ code: "conflict", messageKey: "segmentLimit" });
  });
});

describe("exportContacts", () => {
  it("writes a header and one row per matching contact, in the import's columns, cells escaped", async () => {
    const csv = await csvOf(await segmentWhere(t.agent.ctx, (await saveSegment(t.agent.ctx, { name: "VIP", filter: vipFilter() })).id));
    expect(csv.total).toBe(5);
    expect(csv.filename).toBe("contacts-2026-12-07.csv");
    expect(csv.text.startsWith("\uFEFFphone,name,email")).toBe(true);
    const [header, ...rows] = csv.rows;
    expect(header).toEqual(expect.arrayContaining(["phone", "name", "groups", "tags", "opt_in", "city", "note"]));
    expect(rows).toHaveLength(5);
    const column = (name: string) => header!.indexOf(name);
    const byName = new Map(rows.map((row) => [row[column("name")], row]));
    expect(byName.get("Contact 01")![column("city")]).toBe("Jakarta, Selatan");
    expect(byName.get("Contact 01")![column("note")]).toBe("line one\nline two");
    expect(byName.get("Contact 00")![column("email")]).toBe("'=HYPERLINK(\"http://evil\")"); // shown as text, never run
    expect(byName.get("Contact 00")![column("phone")]).toBe("+6281200000100");
    expect(byName.get("Contact 00")![column("groups")]).toBe("VIP");
  });

  it("streams more rows than one batch, each contact once", async () => {
    await prisma.contact.createMany({
      data: Array.from({ length: 2_345 }, (_, i) => ({ workspaceId: t.workspace.id, phone: `+6285${String(i).padStart(9, "0")}`, name: `Bulk ${i}` })),
    });
    const csv = await csvOf({});
    expect(csv.total).toBe(12 + 2_345);
    const phones = csv.rows.slice(1).map((row) => row[0]);
    expect(new Set(phones).size).toBe(12 + 2_345);
  });

  it("is refused to agents", async () => {
    expect(await exportContacts(t.agent.ctx, {}).catch((e: AppError) => e)).toMatchObject({ code: "forbidden" });
  });
});
