import { describe, expect, it, vi } from "vitest";
import type * as Publish from "@/lib/realtime/publish";
import { prisma } from "@/lib/db";
import { createTenant } from "@/test/fixtures/tenants";

const sent = vi.hoisted(() => ({ events: [] as { name: string; payload: unknown }[] }));
vi.mock("@/lib/realtime/publish", async (importOriginal) => ({
  ...(await importOriginal<typeof Publish>()),
  publishToWorkspace: async (_workspaceId: string, name: string, payload: unknown) => {
    sent.events.push({ name, payload });
  },
}));

const { getContact, CONTACT_CONVERSATIONS_SHOWN } = await import("./get-contact");
const { deleteContact } = await import("./delete-contact");
const { updateContact } = await import("./update-contact");
const { createCustomField } = await import("./custom-field-definitions");

describe("getContact", () => {
  it("answers details, consent, referral, labelled custom fields, groups, tags and conversations newest first", async () => {
    const t = await createTenant();
    const contact = t.contacts[0]!;
    await createCustomField(t.admin.ctx, { label: "Tier", type: "select", options: ["Gold", "Silver"] });
    await createCustomField(t.admin.ctx, { label: "Orders", type: "number" });
    const vip = await prisma.contactGroup.create({ data: { workspaceId: t.workspace.id, name: "VIP" } });
    const tag = await prisma.tag.create({ data: { workspaceId: t.workspace.id, name: "lead" } });
    await prisma.contactGroupMember.create({ data: { groupId: vip.id, contactId: contact.id } });
    await prisma.contactTag.create({ data: { tagId: tag.id, contactId: contact.id } });
    const optedOutAt = new Date("2026-03-01T10:00:00Z");
    await prisma.contact.update({
      where: { id: contact.id },
      data: {
        // "ghost" has no definition: invisible.
        customFields: { tier: "Gold", ghost: "x" },
        optedOutAt,
        optOutReason: "STOP",
        optOutSource: "keyword",
        referral: { source_type: "ad", source_id: "120", headline: "Sale", ctwa_clid: "clid-1" },
        referredAt: new Date("2026-02-01T00:00:00Z"),
      },
    });
    // An older, resolved conversation and one with no message yet.
    const older = await prisma.conversation.create({
      data: { workspaceId: t.workspace.id, contactId: contact.id, status: "resolved", isOpen: null, lastMessageAt: new Date("2025-01-01T00:00:00Z"), lastMessagePreview: "old" },
    });
    const empty = await prisma.conversation.create({ data: { workspaceId: t.workspace.id, contactId: contact.id, status: "resolved", isOpen: null } });

    const detail = await getContact(t.agent.ctx, contact.id);
    expect(detail).toMatchObject({
      id: contact.id,
      phone: contact.phone,
      name: contact.name,
      optedOutAt,
      optOutReason: "STOP",
      optOutSource: "keyword",
      referral: { source_type: "ad", source_id: "120", headline: "Sale", ctwa_clid: "clid-1" },
      groups: [{ id: vip.id, name: "VIP" }],
      tags: [{ id: tag.id, name: "lead" }],
      moreConversations: false,
    });
    expect(detail.customFields).toEqual([
      { key: "tier", label: "Tier", type: "select", options: ["Gold", "Silver"], value: "Gold" },
      { key: "orders", label: "Orders", type: "number", options: [], value: null },
    ]);
    expect(detail.conversations.map((c) => c.id)).toEqual([t.conversations[0]!.id, older.id, empty.id]);
    expect(detail.conversations[0]).toMatchObject({ status: "open", assignee: { id: t.agent.userId, name: t.agent.name } });
    expect(detail.options.groups.map((g) => g.name)).toEqual(["VIP"]);
    expect(JSON.stringify(detail)).not.toContain("ghost");
  });

  it("lists at most the newest conversations, and says there are more", async () => {
    const t = await createTenant();
    const contact = t.contacts[1]!;
    await prisma.conversation.createMany({
      data: Array.from({ length: CONTACT_CONVERSATIONS_SHOWN }, (_, i) => ({
        workspaceId: t.workspace.id,
        contactId: contact.id,
        status: "resolved" as const,
        isOpen: null,
        lastMessageAt: new Date(Date.UTC(2024, 0, 1 + i)),
      })),
    });
    const detail = await getContact(t.agent.ctx, contact.id);
    expect(detail.conversations).toHaveLength(CONTACT_CONVERSATIONS_SHOWN);
    expect(detail.moreConversations).toBe(true);
    expect(detail.conversations[0]!.id).toBe(t.conversations[1]!.id);
  });

  it("answers not found for an unknown, malformed or other workspace's id", async () => {
    const t = await createTenant();
    const other = await createTenant("B");
    for (const id of ["nope", "", "x".repeat(500), other.contacts[0]!.id]) {
      await expect(getContact(t.owner.ctx, id)).rejects.toMatchObject({ code: "not_found", messageKey: "contactNotFound" });
    }
  });
});

describe("updateContact's custom fields and manual opt-out", () => {
  it("sets and clears values by key through their definitions, keeps the others, and refuses a bad one", async () => {
    const t = await createTenant();
    const contact = t.contacts[0]!;
    await createCustomField(t.admin.ctx, { label: "Tier", type: "select", options: ["Gold", "Silver"] });
    await createCustomField(t.admin.ctx, { label: "Orders", type: "number" });
    await createCustomField(t.admin.ctx, { label: "City", type: "text" });
    await prisma.contact.update({ where: { id: contact.id }, data: { customFields: { city: "Medan", tier: "Silver" } } });

    await updateContact(t.agent.ctx, { contactId: contact.id, customFields: { tier: "gold", orders: "12", city: "" } });
    expect((await prisma.contact.findUniqueOrThrow({ where: { id: contact.id } })).customFields).toEqual({ tier: "Gold", orders: 12 });
    await updateContact(t.agent.ctx, { contactId: contact.id, name: "Sari" });
    expect((await prisma.contact.findUniqueOrThrow({ where: { id: contact.id } })).customFields).toEqual({ tier: "Gold", orders: 12 });

    const before = await prisma.contact.findUniqueOrThrow({ where: { id: contact.id } });
    await expect(updateContact(t.agent.ctx, { contactId: contact.id, name: "Changed", customFields: { orders: "many" } })).rejects.toMatchObject({
      code: "invalid",
      messageKey: "customFieldNotANumber",
      field: "customFields.orders",
    });
    await expect(updateContact(t.agent.ctx, { contactId: contact.id, customFields: { shoe: "42" } })).rejects.toMatchObject({ code: "invalid", messageKey: "customFieldUnknown" });
    expect(await prisma.contact.findUniqueOrThrow({ where: { id: contact.id } })).toEqual(before);
  });

  it("records a member's opt-out as manual, keeps its first time, and clears it on opting back in", async () => {
    const t = await createTenant();
    const contact = t.contacts[0]!;
    await updateContact(t.agent.ctx, { contactId: contact.id, optedOut: true, optOutReason: "asked by phone" });
    const first = await getContact(t.agent.ctx, contact.id);
    expect(first).toMatchObject({ optOutSource: "manual", optOutReason: "asked by phone" });
    await updateContact(t.agent.ctx, { contactId: contact.id, optedOut: true, optOutReason: "again" });
    expect(await getContact(t.agent.ctx, contact.id)).toMatchObject({ optedOutAt: first.optedOutAt, optOutReason: "again", optOutSource: "manual" });
    await updateContact(t.agent.ctx, { contactId: contact.id, optedOut: false });
    expect(await getContact(t.agent.ctx, contact.id)).toMatchObject({ optedOutAt: null, optOutReason: null, optOutSource: null });
  });
});

describe("deleteContact", () => {
  it("deletes the contact with its conversations, messages and memberships, writes an audit row and signals contact.updated", async () => {
    const t = await createTenant();
    const contact = t.contacts[0]!;
    const conversation = t.conversations[0]!;
    const group = await prisma.contactGroup.create({ data: { workspaceId: t.workspace.id, name: "VIP" } });
    await prisma.contactGroupMember.create({ data: { groupId: group.id, contactId: contact.id } });
    await prisma.note.create({ data: { workspaceId: t.workspace.id, conversationId: conversation.id, authorId: t.agent.userId, body: "call back" } });
    sent.events = [];

    expect(await deleteContact(t.admin.ctx, { contactId: contact.id })).toEqual({ conversations: 1, messages: 2 });

    expect(await prisma.contact.count({ where: { id: contact.id } })).toBe(0);
    expect(await prisma.conversation.count({ where: { contactId: contact.id } })).toBe(0);
    expect(await prisma.message.count({ where: { contactId: contact.id } })).toBe(0);
    expect(await prisma.note.count({ where: { conversationId: conversation.id } })).toBe(0);
    expect(await prisma.contactGroupMember.count({ where: { contactId: contact.id } })).toBe(0);
    // The group itself, and the other contacts with their conversations, stay.
    expect(await prisma.contactGroup.count({ where: { id: group.id } })).toBe(1);
    expect(await prisma.contact.count({ where: { workspaceId: t.workspace.id } })).toBe(2);
    expect(await prisma.message.count({ where: { workspaceId: t.workspace.id } })).toBe(4);

    const audit = await prisma.auditLog.findMany({ where: { workspaceId: t.workspace.id, action: "contact.deleted" } });
    expect(audit).toEqual([
      expect.objectContaining({ actorId: t.admin.userId, targetType: "contact", targetId: contact.id, metadata: { conversations: 1, messages: 2 } }),
    ]);
    expect(sent.events).toEqual([{ name: "contact.updated", payload: { contactId: contact.id, at: expect.any(String) } }]);

    await expect(deleteContact(t.admin.ctx, { contactId: contact.id })).rejects.toMatchObject({ code: "not_found", messageKey: "contactNotFound" });
    await expect(getContact(t.admin.ctx, contact.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses an agent, and changes nothing", async () => {
    const t = await createTenant();
    const contact = t.contacts[0]!;
    await expect(deleteContact(t.agent.ctx, { contactId: contact.id })).rejects.toMatchObject({ code: "forbidden" });
    expect(await prisma.contact.count({ where: { id: contact.id } })).toBe(1);
    expect(await prisma.message.count({ where: { contactId: contact.id } })).toBe(2);
    expect(await prisma.auditLog.count({ where: { workspaceId: t.workspace.id, action: "contact.deleted" } })).toBe(0);
  });

  it("answers not found for an unknown or malformed id", async () => {
    const t = await createTenant();
    for (const contactId of ["nope", "", "x".repeat(500)]) {
      await expect(deleteContact(t.owner.ctx, { contactId })).rejects.toMatchObject({ code: "not_found", messageKey: "contactNotFound" });
    }
  });
});
