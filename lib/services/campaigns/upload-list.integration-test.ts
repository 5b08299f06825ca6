/**
 * An uploaded list as a campaign audience, against a real Postgres: how the file is read (header
 * or not, BOM, repeats, unreadable numbers), the group and the new contacts it makes in its own
 * workspace only, existing contacts found by phone or WhatsApp id, and the live count it gives.
 */
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createTenants } from "@/test/fixtures/tenants";
import { rejection } from "@/test/tenant-isolation/helpers";
import { countCampaignAudience } from "./count-campaign-audience";
import { readList, uploadCampaignList } from "./upload-list";

describe("readList", () => {
  it("finds the number column by its header, keeps the first of a repeated number and counts the unreadable", () => {
    const list = readList("\uFEFFName;Mobile phone\nAyu;0812-3456-7001\nBudi;+62 812 3456 7001\nCici;call me\n\nDedi;6281234567002\n", "ID");
    expect(list).toEqual({
      rows: 4,
      invalid: 1,
      duplicates: 1,
      numbers: [
        { phone: "+6281234567001", name: "Ayu" },
        { phone: "+6281234567002", name: "Dedi" },
      ],
    });
  });

  it("reads a plain list with no header, one number per line", () => {
    const list = readList("+44 20 7946 0958\n+1 202 555 0143\n", "ID");
    expect(list.numbers.map((n) => n.phone)).toEqual(["+442079460958", "+12025550143"]);
    expect(list.rows).toBe(2);
  });
});

describe("uploadCampaignList", () => {
  it("puts every number in a new group, creating only the contacts nobody holds, in its own workspace", async () => {
    const { A, B } = await createTenants();
    const known = await prisma.contact.create({ data: { workspaceId: A.workspace.id, phone: "+6281299900001", name: "Known" } });
    const waOnly = await prisma.contact.create({ data: { workspaceId: A.workspace.id, waId: "6281299900002", name: "Inbound only" } });
    const inB = await prisma.contact.create({ data: { workspaceId: B.workspace.id, phone: "+6281299900003", name: "B's" } });
    const before = await prisma.contact.count({ where: { workspaceId: B.workspace.id } });

    const text = "phone,name\n+6281299900001,Renamed\n+6281299900002,\n+6281299900003,New in A\n+6281299900001,again\nnope,x\n";
    const upload = await uploadCampaignList(A.owner.ctx, { fileName: "vip.csv", text });
    expect(upload).toMatchObject({ fileName: "vip.csv", rows: 5, invalid: 1, duplicates: 1 });

    const group = await prisma.contactGroup.findUniqueOrThrow({ where: { id: upload.groupId }, include: { members: true } });
    expect(group.workspaceId).toBe(A.workspace.id);
    const members = await prisma.contact.findMany({ where: { id: { in: group.members.map((m) => m.contactId) } } });
    expect(members.every((c) => c.workspaceId === A.workspace.id)).toBe(true);
    expect(members.map((c) => c.id)).toEqual(expect.arrayContaining([known.id, waOnly.id]));
    expect(members).toHaveLength(3);
    const created = members.find((c) => c.phone === "+6281299900003");
    expect(created).toMatchObject({ name: "New in A", optedInAt: null });
    expect(created?.id).not.toBe(inB.id);
    // An existing contact keeps its name; B is untouched.
    expect((await prisma.contact.findUniqueOrThrow({ where: { id: known.id } })).name).toBe("Known");
    expect(await prisma.contact.count({ where: { workspaceId: B.workspace.id } })).toBe(before);

    const count = await countCampaignAudience(A.owner.ctx, { audience: { upload }, templateId: null });
    expect(count).toMatchObject({ matched: 3, eligible: 2 });
    expect(count.excluded).toMatchObject({ no_phone: 2, duplicate: 1 });

    // The same file again makes a second group (a list is a snapshot), not a second contact.
    const again = await uploadCampaignList(A.owner.ctx, { fileName: "vip.csv", text });
    expect(again.groupId).not.toBe(upload.groupId);
    expect(await prisma.contact.count({ where: { workspaceId: A.workspace.id, phone: "+6281299900003" } })).toBe(1);
  });

  it("refuses a list without a number and an agent, writing nothing", async () => {
    const { A } = await createTenants();
    const groups = await prisma.contactGroup.count({ where: { workspaceId: A.workspace.id } });
    expect(await rejection(uploadCampaignList(A.owner.ctx, { fileName: "x.csv", text: "name\nAyu\n" }))).toMatchObject({ code: "invalid", messageKey: "campaignListNoNumbers" });
    expect(await rejection(uploadCampaignList(A.agent.ctx, { fileName: "x.csv", text: "+6281299900009\n" }))).toMatchObject({ code: "forbidden" });
    expect(await prisma.contactGroup.count({ where: { workspaceId: A.workspace.id } })).toBe(groups);
  });
});
