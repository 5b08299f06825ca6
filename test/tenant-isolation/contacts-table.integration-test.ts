/**
 * Tenant isolation of the contacts table: filters, selections, bulk actions, segments and the
 * export. A member of B who names A's contacts, groups, tags or segments — by id, inside a filter,
 * or in a selection — reaches nothing of A and changes nothing of A; the actions and the export
 * route answer a member of B naming A's workspace with not found.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { filterWhere } from "@/lib/services/contacts/filter/to-where";
import { workspaceFilterContext } from "@/lib/services/contacts/filter/context";
import { encodeFilterParam } from "@/lib/services/contacts/filter/url";
import type { ContactFilter } from "@/lib/services/contacts/filter/schema";
import { selectionWhere } from "@/lib/services/contacts/selection";
import { deleteContacts, labelContacts } from "@/lib/services/contacts/bulk-contacts";
import { countContacts, deleteSegment, listSegments, saveSegment, segmentWhere } from "@/lib/services/contacts/segments";
import { exportContacts } from "@/lib/services/contacts/export-contacts";
import { workspaceLabels } from "@/lib/services/contacts/workspace-labels";
import { mergeContacts } from "@/lib/services/contacts/merge-contacts";
import { createTenants, type Tenant, type TenantMember } from "@/test/fixtures/tenants";
import { expectNothingOf, rejection, untouched } from "./helpers";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user, requireUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const actions = await import("@/app/actions/contacts/table");
const mergeActions = await import("@/app/actions/contacts/merge");
const createActions = await import("@/app/actions/contacts/create");
const { GET: exportRoute } = await import("@/app/api/w/[slug]/contacts/export/route");

beforeEach(() => {
  session.user = null;
});

const signIn = (member: TenantMember) => {
  session.user = { id: member.userId, email: member.email, name: member.name, locale: null };
};

/** A with a group and a tag on all its contacts, and a segment of that group. */
async function labelledTenants() {
  const { A, B } = await createTenants();
  const group = await prisma.contactGroup.create({ data: { workspaceId: A.workspace.id, name: "VIP" }, select: { id: true } });
  const tag = await prisma.tag.create({ data: { workspaceId: A.workspace.id, name: "lead" }, select: { id: true } });
  for (const contact of A.contacts) {
    await prisma.contactGroupMember.create({ data: { groupId: group.id, contactId: contact.id } });
    await prisma.contactTag.create({ data: { tagId: tag.id, contactId: contact.id } });
  }
  const inGroup: ContactFilter = { match: "all", conditions: [{ field: "group", op: "in", value: [group.id] }] };
  const segment = await saveSegment(A.admin.ctx, { name: "VIPs", filter: inGroup });
  return { A, B, group, tag, segment, inGroup };
}

const everyone: ContactFilter = { match: "all", conditions: [] };
const idsOfA = (A: Tenant) => A.contacts.map((c) => c.id);

describe("filterWhere", () => {
  it("scopes every filter to the workspace it is compiled for, even one naming A's group", async () => {
    const { A, B, inGroup } = await labelledTenants();
    const ofB = await workspaceFilterContext(B.owner.ctx);
    expect(await prisma.contact.count({ where: filterWhere(everyone, ofB) })).toBe(B.contacts.length);
    expect(await prisma.contact.count({ where: filterWhere(inGroup, ofB) })).toBe(0);
    expect(await prisma.contact.count({ where: filterWhere(inGroup, await workspaceFilterContext(A.owner.ctx)) })).toBe(A.contacts.length);
  });
});

describe("workspaceFilterContext", () => {
  it("is the caller's workspace and its time zone", async () => {
    const { A, B } = await createTenants();
    await prisma.workspace.update({ where: { id: A.workspace.id }, data: { timezone: "Asia/Jakarta" } });
    await prisma.workspace.update({ where: { id: B.workspace.id }, data: { timezone: "Europe/Berlin" } });
    expect(await workspaceFilterContext(B.agent.ctx)).toMatchObject({ workspaceId: B.workspace.id, timeZone: "Europe/Berlin" });
  });
});

describe("workspaceLabels", () => {
  it("lists B's groups and tags only", async () => {
    const { A, B } = await labelledTenants();
    await prisma.tag.create({ data: { workspaceId: B.workspace.id, name: "mine" } });
    const labels = await workspaceLabels(B.agent.ctx);
    expect(labels).toEqual({ groups: [], tags: [expect.objectContaining({ name: "mine" })] });
    expect((await workspaceLabels(A.agent.ctx)).groups.map((g) => g.name)).toEqual(["VIP"]);
  });
});

describe("mergeContacts", () => {
  it("merges none of A's contacts into B's, nor B's into A's", async () => {
    const { A, B } = await createTenants();
    const loose = await prisma.contact.create({ data: { workspaceId: B.workspace.id, name: "B without phone" } });
    await untouched(A, async () => {
      for (const [keepId, mergeId] of [
        [loose.id, A.contacts[0]!.id],
        [A.contacts[0]!.id, loose.id],
      ]) {
        expect((await rejection(mergeContacts(B.owner.ctx, { keepId: keepId!, mergeId: mergeId! }))).code).toBe("not_found");
      }
    });
    expect(await prisma.contact.count({ where: { id: loose.id } })).toBe(1);
  });
});

describe("selectionWhere", () => {
  it("keeps A's ids out of B's selection", async () => {
    const { A, B } = await createTenants();
    const where = await selectionWhere(B.owner.ctx, { kind: "ids", ids: [...idsOfA(A), B.contacts[0]!.id] });
    expect((await prisma.contact.findMany({ where, select: { id: true } })).map((c) => c.id)).toEqual([B.contacts[0]!.id]);
    const all = await selectionWhere(B.owner.ctx, { kind: "filter", filter: everyone, except: idsOfA(A) });
    expect(await prisma.contact.count({ where: all })).toBe(B.contacts.length);
  });
});

describe("deleteContacts", () => {
  it("deletes none of A's contacts, picked by id or by a filter on A's group", async () => {
    const { A, B, inGroup } = await labelledTenants();
    await untouched(A, async () => {
      expect(await deleteContacts(B.owner.ctx, { selection: { kind: "ids", ids: idsOfA(A) } })).toEqual({ deleted: 0 });
      expect(await deleteContacts(B.admin.ctx, { selection: { kind: "filter", filter: inGroup, except: [] } })).toEqual({ deleted: 0 });
    });
    expect((await rejection(deleteContacts(B.agent.ctx, { selection: { kind: "ids", ids: idsOfA(A) } }))).code).toBe("forbidden");
  });
});

describe("labelContacts", () => {
  it("refuses A's group and tag, and labels none of A's contacts with B's", async () => {
    const { A, B, group, tag } = await labelledTenants();
    await untouched(A, async () => {
      for (const [kind, labelId] of [["group", group.id], ["tag", tag.id]] as const) {
        for (const action of ["add", "remove"] as const) {
          const refused = await rejection(labelContacts(B.agent.ctx, { selection: { kind: "ids", ids: [B.contacts[0]!.id] }, action, kind, labelId }));
          expect(refused.code).toBe("not_found");
        }
      }
      const own = await labelContacts(B.agent.ctx, { selection: { kind: "ids", ids: idsOfA(A) }, action: "add", kind: "tag", name: "lead" });
      expect(own.changed).toBe(0);
    });
  });
});

describe("listSegments", () => {
  it("lists B's segments only", async () => {
    const { A, B } = await labelledTenants();
    await saveSegment(B.agent.ctx, { name: "Mine", filter: everyone });
    await untouched(A, async () => {
      const segments = await listSegments(B.agent.ctx);
      expect(segments.map((s) => s.name)).toEqual(["Mine"]);
      expectNothingOf(A, segments);
    });
  });
});

describe("saveSegment", () => {
  it("cannot overwrite A's segment; A's name is free in B", async () => {
    const { A, B, segment } = await labelledTenants();
    await untouched(A, async () => {
      expect((await rejection(saveSegment(B.owner.ctx, { segmentId: segment.id, name: "Taken", filter: everyone }))).code).toBe("not_found");
      expect(await saveSegment(B.owner.ctx, { name: "VIPs", filter: everyone })).toMatchObject({ id: expect.any(String) });
    });
  });
});

describe("deleteSegment", () => {
  it("cannot delete A's segment", async () => {
    const { A, B, segment } = await labelledTenants();
    await untouched(A, async () => {
      expect((await rejection(deleteSegment(B.owner.ctx, segment.id))).code).toBe("not_found");
    });
  });
});

describe("segmentWhere", () => {
  it("does not resolve A's segment for B", async () => {
    const { A, B, segment } = await labelledTenants();
    expect((await rejection(segmentWhere(B.owner.ctx, segment.id))).code).toBe("not_found");
    expect(await prisma.contact.count({ where: await segmentWhere(A.agent.ctx, segment.id) })).toBe(A.contacts.length);
  });
});

describe("countContacts", () => {
  it("counts B's contacts only, whatever the filter names", async () => {
    const { B, inGroup } = await labelledTenants();
    expect(await countContacts(B.agent.ctx, everyone)).toBe(B.contacts.length);
    expect(await countContacts(B.agent.ctx, inGroup)).toBe(0);
  });
});

describe("exportContacts", () => {
  it("writes none of A's contacts, even asked for them by id", async () => {
    const { A, B } = await labelledTenants();
    const csv = await exportContacts(B.owner.ctx, { id: { in: idsOfA(A) } });
    let text = "";
    for await (const chunk of csv.chunks) text += chunk;
    expect(csv.total).toBe(0);
    expect(text.trim().split("\r\n")).toHaveLength(1);
    const all = await exportContacts(B.owner.ctx, {});
    let rows = "";
    for await (const chunk of all.chunks) rows += chunk;
    expect(rows).not.toContain("A contact");
    expect(rows).toContain("B contact 0");
  });
});

describe("contacts table actions and the export route", () => {
  it("answer a member of B who names A's workspace with not found, and change nothing of A", async () => {
    const { A, B, group, segment, inGroup } = await labelledTenants();
    for (const intruder of [B.owner, B.admin, B.agent]) {
      signIn(intruder);
      await untouched(A, async () => {
        const slug = A.workspace.slug;
        const ids = { kind: "ids", ids: idsOfA(A) } as const;
        const calls = [
          ["listContactsAction", () => actions.listContactsAction({ slug, filter: everyone, sort: { by: "createdAt", dir: "desc" } })],
          ["countContactsAction", () => actions.countContactsAction({ slug, filter: inGroup })],
          ["deleteContactsAction", () => actions.deleteContactsAction({ slug, selection: ids })],
          ["labelContactsAction", () => actions.labelContactsAction({ slug, selection: ids, action: "remove", kind: "group", labelId: group.id })],
          ["saveSegmentAction", () => actions.saveSegmentAction({ slug, segmentId: segment.id, name: "X", filter: everyone })],
          ["deleteSegmentAction", () => actions.deleteSegmentAction({ slug, segmentId: segment.id })],
          ["createContactAction", () => createActions.createContactAction({ slug, phone: "+6281311112222", name: "Intruder" })],
          ["mergeContactsAction", () => mergeActions.mergeContactsAction({ slug, keepId: A.contacts[0]!.id, mergeId: A.contacts[1]!.id })],
        ] as const;
        for (const [name, call] of calls) expect({ name, code: (await call())?.serverError?.code }).toEqual({ name, code: "not_found" });
        const routed = await exportRoute(new Request(`http://parley.test/api/w/${slug}/contacts/export?segment=${segment.id}`), { params: Promise.resolve({ slug }) });
        expect(routed.status).toBe(404);
        // B's own workspace with A's segment: not found (or forbidden for an agent, who may not export).
        const own = await exportRoute(new Request(`http://parley.test/api/w/${B.workspace.slug}/contacts/export?segment=${segment.id}`), {
          params: Promise.resolve({ slug: B.workspace.slug }),
        });
        expect(own.status).toBe(intruder.role === "agent" ? 403 : 404);
      });
    }
  });

  it("work for A's members: the page, the count, the export of A's filter", async () => {
    const { A, inGroup } = await labelledTenants();
    signIn(A.agent);
    const page = await actions.listContactsAction({ slug: A.workspace.slug, filter: inGroup, sort: { by: "name", dir: "asc" } });
    expect(page?.data?.contacts.map((c) => c.name)).toEqual(A.contacts.map((c) => c.name).sort());
    expect((await actions.countContactsAction({ slug: A.workspace.slug, filter: inGroup }))?.data).toEqual({ count: A.contacts.length });
    const created = await createActions.createContactAction({ slug: A.workspace.slug, phone: "0813 1111 2222", name: "Walk-in", optedIn: true });
    expect(created?.data?.redirectTo).toMatch(new RegExp(`^/w/${A.workspace.slug}/contacts/`));
    expect(await prisma.contact.findFirst({ where: { workspaceId: A.workspace.id, phone: "+6281311112222" } })).toMatchObject({ name: "Walk-in", optInSource: "manual" });
    signIn(A.admin);
    const response = await exportRoute(new Request(`http://parley.test/api/w/${A.workspace.slug}/contacts/export?filter=${encodeFilterParam(inGroup)}`), {
      params: Promise.resolve({ slug: A.workspace.slug }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-total-count")).toBe(String(A.contacts.length));
    const text = await response.text();
    expect(text.trim().split("\r\n")).toHaveLength(1 + A.contacts.length);
  });
});
