import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createTenant } from "@/test/fixtures/tenants";
import { rejection } from "@/test/tenant-isolation/helpers";
import { createContact } from "./create-contact";

describe("createContact", () => {
  it("stores the number in E.164 with the workspace's country, with fields, tags and groups", async () => {
    const t = await createTenant();
    const group = await prisma.contactGroup.create({ data: { workspaceId: t.workspace.id, name: "Resellers" } });
    await prisma.customField.createMany({
      data: [
        { workspaceId: t.workspace.id, key: "city", label: "City" },
        { workspaceId: t.workspace.id, key: "orders", label: "Orders", type: "number" },
      ],
    });
    const created = await createContact(t.agent.ctx, {
      phone: "0813-1122-3344",
      name: " Rina ",
      email: "Rina@Example.com",
      customFields: { city: "Medan", orders: "3" },
      tags: ["wholesale"],
      groupIds: [group.id],
    });
    expect(created.phone).toBe("+6281311223344");
    const row = await prisma.contact.findUniqueOrThrow({ where: { id: created.id }, include: { tags: { include: { tag: true } }, groups: true } });
    expect(row).toMatchObject({ workspaceId: t.workspace.id, phone: "+6281311223344", waId: null, name: "Rina", email: "rina@example.com", customFields: { city: "Medan", orders: 3 } });
    expect(row.tags.map((x) => x.tag.name)).toEqual(["wholesale"]);
    expect(row.groups.map((g) => g.groupId)).toEqual([group.id]);
  });

  it("follows the workspace's default country", async () => {
    const t = await createTenant();
    await prisma.workspace.update({ where: { id: t.workspace.id }, data: { defaultCountry: "GB" } });
    expect((await createContact(t.agent.ctx, { phone: "07911 123456" })).phone).toBe("+447911123456");
  });

  it("refuses a bad number, field or duplicate with the reason and its field, writing nothing", async () => {
    const t = await createTenant();
    await prisma.customField.create({ data: { workspaceId: t.workspace.id, key: "vip", label: "VIP", type: "boolean" } });
    const before = await prisma.contact.count({ where: { workspaceId: t.workspace.id } });

    expect(await rejection(createContact(t.agent.ctx, { phone: "0812" }))).toMatchObject({ code: "invalid", messageKey: "phoneTooShort", field: "phone" });
    expect(await rejection(createContact(t.agent.ctx, { phone: "call me" }))).toMatchObject({ messageKey: "phoneNotANumber", field: "phone" });
    expect(await rejection(createContact(t.agent.ctx, { phone: "" }))).toMatchObject({ messageKey: "phoneEmpty" });
    expect(await rejection(createContact(t.agent.ctx, { phone: "0813 9999 0000", customFields: { vip: "maybe" } }))).toMatchObject({
      messageKey: "customFieldNotABoolean",
      field: "customFields.vip",
    });
    expect(await rejection(createContact(t.agent.ctx, { phone: "0813 9999 0000", email: "not-an-email" }))).toMatchObject({ messageKey: "emailInvalid", field: "email" });
    // The fixture's contact, written another way, is the same number.
    const existing = t.contacts[0]!.phone;
    expect(await rejection(createContact(t.agent.ctx, { phone: `0${existing.slice(3)}` }))).toMatchObject({ code: "conflict", messageKey: "contactPhoneTaken", field: "phone" });
    expect(await prisma.contact.count({ where: { workspaceId: t.workspace.id } })).toBe(before);
  });
});
