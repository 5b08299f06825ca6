/**
 * Merging a duplicate: everything of it moves to the kept contact (conversations with their
 * messages, consent history, labels), its details fill the kept contact's gaps, the stricter
 * consent wins, one open conversation remains; two WhatsApp accounts are refused, nothing changed.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { AppError } from "@/lib/errors";
import { createTenant, type Tenant } from "@/test/fixtures/tenants";
import { mergeContacts } from "./merge-contacts";

let t: Tenant;
beforeEach(async () => {
  t = await createTenant("M");
});

async function conversationWithMessage(contactId: string, text: string, open: boolean) {
  const conversation = await prisma.conversation.create({
    data: { workspaceId: t.workspace.id, contactId, connectionId: t.connection.id, lastMessageAt: new Date(), ...(open ? {} : { isOpen: null, status: "resolved" }) },
  });
  await prisma.message.create({
    data: { workspaceId: t.workspace.id, conversationId: conversation.id, contactId, connectionId: t.connection.id, direction: "inbound", type: "text", content: { body: text }, previewText: text, status: "received" },
  });
  return conversation;
}

describe("mergeContacts", () => {
  it("moves the duplicate's history and fills the kept contact's gaps; the opt-out stays", async () => {
    const tag = await prisma.tag.create({ data: { workspaceId: t.workspace.id, name: "vip" } });
    const keep = await prisma.contact.create({ data: { workspaceId: t.workspace.id, phone: "+6281299990001", name: "Ayu", customFields: { city: "Jakarta" }, optedInAt: new Date("2026-01-01") } });
    const dup = await prisma.contact.create({
      data: {
        workspaceId: t.workspace.id,
        userId: "ID.123456",
        profileName: "ayu_wa",
        email: "ayu@toko.id",
        customFields: { city: "Bandung", tier: "gold" },
        optedOutAt: new Date("2026-06-01"),
        optOutReason: "STOP",
        optOutSource: "keyword",
        lastInboundAt: new Date("2026-12-01"),
        createdAt: new Date("2025-05-05"),
        tags: { create: { tagId: tag.id } },
      },
    });
    await prisma.consentEvent.create({ data: { workspaceId: t.workspace.id, contactId: dup.id, kind: "opt_out", source: "keyword", detail: "STOP" } });
    const openKept = await conversationWithMessage(keep.id, "from the import side", true);
    const openDup = await conversationWithMessage(dup.id, "from the username side", true);
    const old = await conversationWithMessage(dup.id, "last year", false);

    expect(await mergeContacts(t.agent.ctx, { keepId: keep.id, mergeId: dup.id })).toEqual({ contactId: keep.id, movedConversations: 2, movedMessages: 2 });

    expect(await prisma.contact.findUnique({ where: { id: dup.id } })).toBeNull();
    const merged = await prisma.contact.findUniqueOrThrow({ where: { id: keep.id }, include: { tags: true } });
    expect(merged).toMatchObject({
      phone: "+6281299990001",
      userId: "ID.123456",
      name: "Ayu",
      profileName: "ayu_wa",
      email: "ayu@toko.id",
      customFields: { city: "Jakarta", tier: "gold" },
      optedOutAt: new Date("2026-06-01"),
      optOutReason: "STOP",
      optedInAt: null,
      lastInboundAt: new Date("2026-12-01"),
      createdAt: new Date("2025-05-05"),
    });
    expect(merged.tags.map((x) => x.tagId)).toEqual([tag.id]);
    const conversations = await prisma.conversation.findMany({ where: { contactId: keep.id }, orderBy: { createdAt: "asc" } });
    expect(conversations.map((c) => [c.id, c.isOpen])).toEqual([
      [openKept.id, true],
      [openDup.id, null],
      [old.id, null],
    ]);
    expect(await prisma.message.count({ where: { contactId: keep.id } })).toBe(3);
    expect(await prisma.consentEvent.count({ where: { contactId: keep.id } })).toBe(1);
    expect(await prisma.auditLog.findFirst({ where: { workspaceId: t.workspace.id, action: "contacts.merged" } })).toMatchObject({ targetId: keep.id });
  });

  it("refuses two WhatsApp accounts and the same contact twice, changing nothing", async () => {
    const a = await prisma.contact.create({ data: { workspaceId: t.workspace.id, phone: "+6281299990002", name: "A" } });
    const b = await prisma.contact.create({ data: { workspaceId: t.workspace.id, phone: "+6281299990003", name: "B" } });
    await conversationWithMessage(b.id, "hi", true);
    const refused = await mergeContacts(t.agent.ctx, { keepId: a.id, mergeId: b.id }).catch((e: AppError) => e);
    expect(refused).toMatchObject({ code: "invalid", messageKey: "contactsNotMergeable", params: { field: "phone" } });
    expect(await mergeContacts(t.agent.ctx, { keepId: a.id, mergeId: a.id }).catch((e: AppError) => e)).toMatchObject({ messageKey: "mergeSameContact" });
    expect(await prisma.contact.count({ where: { id: { in: [a.id, b.id] } } })).toBe(2);
    expect(await prisma.conversation.count({ where: { contactId: b.id } })).toBe(1);
  });
});
