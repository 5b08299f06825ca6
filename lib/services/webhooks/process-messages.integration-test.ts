/**
 * Inbound messages of every type Meta sends, from signed fixtures with Meta's field names, into
 * contacts, conversations, messages and media — and redeliveries that change nothing.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import {
  countRows,
  createNumber,
  createOutbound,
  deliver,
  redelivery,
  FIXTURE_WA_ID,
  fixtureFor,
  tagged,
  type Payload,
  type TestNumber,
} from "@/test/webhooks/helpers";
import { uniqueSuffix } from "@/test/webhooks/unique";

vi.hoisted(() => {
  process.env.META_APP_SECRET = "test-platform-app-secret";
});

const at = (seconds: number) => new Date(seconds * 1000);

let number: TestNumber;
let tag: string;
beforeEach(async () => {
  number = await createNumber("inbox");
  tag = uniqueSuffix();
});

function firstMessage(payload: Payload): Record<string, unknown> {
  const entry = (payload.entry as Payload[])[0]!;
  const change = (entry.changes as Payload[])[0]!;
  return ((change.value as Payload).messages as Record<string, unknown>[])[0]!;
}

async function receive(name: string) {
  const payload = fixtureFor(name, number, tag);
  const outcome = await deliver(payload);
  expect(outcome.result).toBe("processed");
  const wamid = firstMessage(payload).id as string;
  const message = await prisma.message.findUniqueOrThrow({ where: { wamid }, include: { media: true, contact: true, conversation: true } });
  return { outcome, message, payload };
}

describe("a text message", () => {
  it("creates the contact, opens a conversation and stores the message with Meta's timestamp", async () => {
    const { message, outcome } = await receive("text");
    expect(outcome.notes).toEqual([]);
    expect(message).toMatchObject({
      workspaceId: number.workspaceId,
      connectionId: number.connectionId,
      direction: "inbound",
      status: "received",
      type: "text",
      content: { body: "Does it come in another color?" },
      previewText: "Does it come in another color?",
      timestamp: at(1749416383),
      replyToWamid: null,
      replyToId: null,
    });
    expect(message.contact).toMatchObject({
      waId: FIXTURE_WA_ID,
      phone: `+${FIXTURE_WA_ID}`,
      profileName: "Sheena Nelson",
      lastInboundAt: at(1749416383),
    });
    expect(message.conversation).toMatchObject({
      status: "open",
      isOpen: true,
      unreadCount: 1,
      lastMessagePreview: "Does it come in another color?",
      lastMessageAt: at(1749416383),
      lastInboundAt: at(1749416383),
      connectionId: number.connectionId,
    });
  });

  it("keeps a click-to-WhatsApp ad's referral", async () => {
    const { message } = await receive("text-referral");
    expect(message.content).toMatchObject({
      body: "Hi! I saw your ad about the summer sale.",
      referral: { source_type: "ad", source_id: "120226305854810726", headline: "Chat with us", ctwa_clid: expect.stringMatching(/^ARAk/) },
    });
  });

  it("keeps the quoted wamid of a reply, and links the quoted message when we hold it", async () => {
    const quoted = tagged("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA", tag);
    const first = await receive("text-reply");
    expect(first.message).toMatchObject({ replyToWamid: quoted, replyToId: null });

    const number2 = await createNumber("inbox-quoted");
    number = number2;
    tag = uniqueSuffix();
    const ours = await createOutbound(number2, tagged("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA", tag), "delivered");
    const second = await receive("text-reply");
    expect(second.message).toMatchObject({
      replyToWamid: tagged("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA", tag),
      replyToId: ours,
    });
  });

  it("marks a forward in its content without a quoted message", async () => {
    const { message } = await receive("text-forwarded");
    expect(message.content).toMatchObject({ body: "Look at this offer", context: { forwarded: true, frequently_forwarded: true } });
    expect(message.replyToWamid).toBeNull();
  });

  it("takes a business-scoped user id when Meta sends no phone number", async () => {
    const { message } = await receive("text-user-id-only");
    expect(message.contact).toMatchObject({ waId: null, phone: null, userId: "BR.1502576394655843", profileName: "Ana Souza" });
    expect(message.previewText).toBe("Olá, ainda tem em estoque?");
  });
});

describe("media messages", () => {
  it.each([
    ["image", "image", { mimeType: "image/jpeg", metaMediaId: "1003383421387256", filename: null }, "📷 This is the one I mean"],
    ["video", "video", { mimeType: "video/mp4", metaMediaId: "1255856789012345", filename: null }, "🎥 Unboxing"],
    ["audio-voice", "audio", { mimeType: "audio/ogg; codecs=opus", metaMediaId: "1347762806468282", filename: null }, "🎤"],
    [
      "document",
      "document",
      { mimeType: "application/pdf", metaMediaId: "1090817749497212", filename: "contract-2025.pdf" },
      "📄 contract-2025.pdf",
    ],
    ["sticker-animated", "sticker", { mimeType: "image/webp", metaMediaId: "1175498564205128", filename: null }, "💟"],
  ] as const)("%s: the message and a pending Media reference", async (fixture, type, media, preview) => {
    const { message, outcome } = await receive(fixture);
    expect(message.type).toBe(type);
    expect(message.previewText).toBe(preview);
    expect(message.media).toHaveLength(1);
    expect(message.media[0]).toMatchObject({ ...media, workspaceId: number.workspaceId, status: "pending", storageKey: null });
    expect(message.media[0]!.sha256).toEqual(expect.any(String));
    expect(outcome.mediaIds).toEqual([message.media[0]!.id]);
  });

  it("keeps voice and animated flags in the content", async () => {
    expect((await receive("audio-voice")).message.content).toMatchObject({ voice: true });
    tag = uniqueSuffix();
    expect((await receive("sticker-animated")).message.content).toMatchObject({ animated: true });
  });
});

describe("other message types", () => {
  it("location", async () => {
    const { message } = await receive("location");
    expect(message).toMatchObject({ type: "location", previewText: "📍 Main office" });
    expect(message.content).toMatchObject({ latitude: 37.483307, longitude: -122.148981, address: "1 Hacker Way, Menlo Park, CA 94025" });
  });

  it("contacts", async () => {
    const { message } = await receive("contacts");
    expect(message).toMatchObject({ type: "contacts", previewText: "👤 Kerry Fisher" });
    expect(message.content).toMatchObject({ contacts: [{ name: { formatted_name: "Kerry Fisher" }, phones: [{ wa_id: "16505551234" }] }] });
  });

  it.each([
    ["interactive-button-reply", "Change", "button_reply"],
    ["interactive-list-reply", "Express Shipping", "list_reply"],
  ])("%s", async (fixture, title, kind) => {
    const { message } = await receive(fixture);
    expect(message).toMatchObject({ type: "interactive", previewText: title });
    expect(message.content).toMatchObject({ type: kind, [kind]: { title } });
    expect(message.replyToWamid).toMatch(/^wamid\./);
  });

  it("button (a template's quick reply)", async () => {
    const { message } = await receive("button");
    expect(message).toMatchObject({ type: "button", previewText: "Unsubscribe from Promos" });
    expect(message.content).toMatchObject({ payload: "Unsubscribe from Promos", text: "Unsubscribe from Promos" });
  });

  it("order", async () => {
    const { message } = await receive("order");
    expect(message).toMatchObject({ type: "order", previewText: "🛒 ×2 Please deliver before Friday" });
    expect(message.content).toMatchObject({
      catalog_id: "194836987003835",
      product_items: [{ product_retailer_id: "di9ozbzfi4", quantity: 2 }, {}],
    });
  });

  it("unsupported, with Meta's error", async () => {
    const { message } = await receive("unsupported");
    expect(message).toMatchObject({
      type: "unsupported",
      errorCode: 131051,
      errorTitle: "Message type unknown",
      errorDetails: "Message type is currently not supported.",
    });
    expect(message.content).toMatchObject({ type: "poll_creation", errors: [{ code: 131051 }] });
  });

  it("a type Meta adds later is kept as unsupported, with its payload", async () => {
    const payload = fixtureFor("text", number, tag);
    const msg = firstMessage(payload);
    delete msg.text;
    msg.type = "request_welcome";
    msg.request_welcome = { source: "chat_list" };
    await deliver(payload);
    const stored = await prisma.message.findUniqueOrThrow({ where: { wamid: msg.id as string } });
    expect(stored).toMatchObject({ type: "unsupported", content: { type: "request_welcome", source: "chat_list" } });
  });
});

describe("reactions", () => {
  it("a reaction points at the reacted message and counts as unread; its removal does not", async () => {
    const ours = await createOutbound(number, tagged("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA", tag), "read");
    const added = await receive("reaction");
    expect(added.message).toMatchObject({ type: "reaction", previewText: "👍", replyToId: ours, content: { emoji: "👍" } });
    expect(added.message.conversation.unreadCount).toBe(1);

    const removed = await receive("reaction-removed");
    expect(removed.message).toMatchObject({ type: "reaction", previewText: null, replyToId: ours, content: { emoji: "" } });
    const conversation = await prisma.conversation.findUniqueOrThrow({ where: { id: removed.message.conversationId } });
    expect(conversation).toMatchObject({ unreadCount: 1, lastMessagePreview: "👍", lastMessageAt: at(1749416500) });
  });
});

describe("system messages", () => {
  it("user_changed_number moves the contact (and its history) to the new number", async () => {
    const { message: hello } = await receive("text");
    const contactId = hello.contactId;
    const { message } = await receive("system-user-changed-number");
    expect(message).toMatchObject({ type: "system", contactId, conversationId: hello.conversationId });
    expect(message.previewText).toMatch(/changed from 16505551234 to 16505559999/);
    const contact = await prisma.contact.findUniqueOrThrow({ where: { id: contactId } });
    expect(contact).toMatchObject({
      waId: "16505559999",
      phone: "+16505559999",
      profileName: "Sheena Nelson",
      lastInboundAt: at(1749416383),
    });
    const conversation = await prisma.conversation.findUniqueOrThrow({ where: { id: hello.conversationId } });
    expect(conversation.unreadCount).toBe(1); // a notice, not the customer writing
  });
});

describe("value-level errors", () => {
  it("are recorded on the event as notes; nothing else is written", async () => {
    const before = await countRows();
    const outcome = await deliver(fixtureFor("errors", number, tag));
    expect(outcome.result).toBe("processed");
    expect(outcome.notes).toEqual([expect.stringContaining("Meta error 131000 Something went wrong")]);
    const event = await prisma.webhookEvent.findUniqueOrThrow({ where: { id: outcome.eventId } });
    expect(event.error).toContain("131000");
    expect(await countRows()).toEqual({ ...before, events: before.events! + 1 });
  });
});

describe("redelivery", () => {
  const all = [
    "text",
    "text-referral",
    "text-reply",
    "text-forwarded",
    "text-user-id-only",
    "image",
    "video",
    "audio-voice",
    "document",
    "sticker-animated",
    "location",
    "contacts",
    "interactive-button-reply",
    "interactive-list-reply",
    "button",
    "reaction",
    "reaction-removed",
    "order",
    "system-user-changed-number",
    "unsupported",
  ];

  it("of every type, three more times, leaves exactly the same rows", async () => {
    const snapshot = async () => ({
      contacts: await prisma.contact.findMany({ where: { workspaceId: number.workspaceId }, orderBy: { id: "asc" } }),
      conversations: await prisma.conversation.findMany({ where: { workspaceId: number.workspaceId }, orderBy: { id: "asc" } }),
      messages: await prisma.message.findMany({ where: { workspaceId: number.workspaceId }, orderBy: { id: "asc" } }),
      media: await prisma.media.findMany({ where: { workspaceId: number.workspaceId }, orderBy: { id: "asc" } }),
    });
    for (const name of all) await deliver(fixtureFor(name, number, tag));
    const first = await snapshot();
    expect(first.messages).toHaveLength(all.length);
    expect(first.media).toHaveLength(5);

    for (let round = 1; round <= 3; round++) {
      for (const name of all) {
        const outcome = await deliver(redelivery(fixtureFor(name, number, tag), round));
        expect(outcome.result).toBe("processed");
        expect(outcome.inserted).toEqual([]);
      }
    }
    const after = await snapshot();
    const stable = <T extends { updatedAt: Date }>(rows: T[]) => rows.map(({ updatedAt: _updatedAt, ...rest }) => rest);
    expect(stable(after.contacts)).toEqual(stable(first.contacts));
    expect(stable(after.conversations)).toEqual(stable(first.conversations));
    expect(after.messages).toEqual(first.messages);
    expect(after.media).toEqual(first.media);
  });
});

describe("a batch", () => {
  it("applies every change of every entry: messages from two customers, statuses and a template", async () => {
    await createOutbound(number, tagged("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJFNkE4OTQ5NTE4NkVFMDNENDcA", tag), "pending");
    await prisma.template.create({
      data: {
        workspaceId: number.workspaceId,
        name: "order_confirmation",
        language: "en_US",
        category: "UTILITY",
        status: "PENDING",
        components: [],
      },
    });
    const outcome = await deliver(fixtureFor("batch-multi", number, tag));
    expect(outcome.result).toBe("processed");
    expect(outcome.notes).toEqual([]);
    expect(outcome.inserted.map((m) => m.wamid)).toEqual(["A1", "A2", "A3", "B1"].map((id) => `wamid.${tag}.BATCH.${id}`));
    expect(outcome.mediaIds).toHaveLength(1);
    expect(outcome.templatesUpdated).toBe(1);

    const contacts = await prisma.contact.findMany({ where: { workspaceId: number.workspaceId }, orderBy: { waId: "asc" } });
    expect(contacts.map((c) => [c.waId, c.profileName])).toEqual([
      ["16315551181", "Kerry Fisher"],
      [FIXTURE_WA_ID, "Sheena Nelson"],
    ]);
    const sheena = await prisma.conversation.findFirstOrThrow({
      where: { contact: { waId: FIXTURE_WA_ID, workspaceId: number.workspaceId } },
    });
    expect(sheena).toMatchObject({ unreadCount: 3, lastMessagePreview: "Second entry", lastMessageAt: at(1749416390) });
    const outbound = await prisma.message.findUniqueOrThrow({
      where: { wamid: tagged("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJFNkE4OTQ5NTE4NkVFMDNENDcA", tag) },
    });
    expect(outbound).toMatchObject({ status: "delivered", sentAt: at(1749416400), deliveredAt: at(1749416410) });
    expect(await prisma.template.findFirstOrThrow({ where: { workspaceId: number.workspaceId } })).toMatchObject({
      status: "APPROVED",
      metaId: "1689556908129832",
    });
  });

  it("a bad message does not block the rest: it is skipped and noted", async () => {
    await createOutbound(number, tagged("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJFNkE4OTQ5NTE4NkVFMDNENDcA", tag), "pending");
    const payload = fixtureFor("batch-multi", number, tag);
    const messages = (((payload.entry as Payload[])[0]!.changes as Payload[])[0]!.value as Payload).messages as Payload[];
    messages[1] = { from: "16315551181", id: "wamid.broken", timestamp: "1749416384", type: "image", image: { caption: "no id" } };
    messages.push({ id: 42, type: "text" } as unknown as Payload, "not a message" as unknown as Payload);
    const outcome = await deliver(payload);
    expect(outcome.result).toBe("processed");
    expect(outcome.inserted).toHaveLength(3);
    expect(outcome.notes).toEqual([
      expect.stringMatching(/messages\[1\] wamid\.broken: image: id/),
      expect.stringMatching(/messages\[3\]: id/),
      expect.stringMatching(/messages\[4\]: message: .*expected object/),
      expect.stringMatching(/template 1689556908129832: no such template/),
    ]);
    expect(await prisma.message.count({ where: { wamid: "wamid.broken" } })).toBe(0);
    const event = await prisma.webhookEvent.findUniqueOrThrow({ where: { id: outcome.eventId } });
    expect(event.processedAt).not.toBeNull();
    expect(event.error).toMatch(/wamid\.broken/);
  });
});

describe("ordering", () => {
  it("an older message arriving late never replaces the newer preview", async () => {
    const newer = fixtureFor("text", number, tag);
    firstMessage(newer).timestamp = "1749417000";
    (firstMessage(newer).text as Payload).body = "newest";
    const older = fixtureFor("text", number, tag);
    firstMessage(older).id = `wamid.${tag}.older`;
    (firstMessage(older).text as Payload).body = "older";
    await deliver(newer);
    await deliver(older);
    const conversation = await prisma.conversation.findFirstOrThrow({ where: { workspaceId: number.workspaceId } });
    expect(conversation).toMatchObject({
      lastMessagePreview: "newest",
      lastMessageAt: at(1749417000),
      unreadCount: 2,
      lastInboundAt: at(1749417000),
    });
    const contact = await prisma.contact.findFirstOrThrow({ where: { workspaceId: number.workspaceId } });
    expect(contact.lastInboundAt).toEqual(at(1749417000));
  });

  it("two deliveries from a new customer processed at once make one contact and one conversation", async () => {
    const a = fixtureFor("text", number, tag);
    const b = fixtureFor("image", number, tag);
    const outcomes = await Promise.all([deliver(a), deliver(b)]);
    expect(outcomes.map((o) => o.result)).toEqual(["processed", "processed"]);
    expect(await prisma.contact.count({ where: { workspaceId: number.workspaceId } })).toBe(1);
    expect(await prisma.conversation.count({ where: { workspaceId: number.workspaceId } })).toBe(1);
    expect(await prisma.message.count({ where: { workspaceId: number.workspaceId } })).toBe(2);
  });

  it("a customer known from a CRM import (phone only) is matched, not duplicated", async () => {
    const imported = await prisma.contact.create({
      data: { workspaceId: number.workspaceId, phone: `+${FIXTURE_WA_ID}`, name: "Sheena (CRM)" },
    });
    const { message } = await receive("text");
    expect(message.contactId).toBe(imported.id);
    expect(message.contact).toMatchObject({ name: "Sheena (CRM)", waId: FIXTURE_WA_ID, profileName: "Sheena Nelson" });
  });

  it("a resolved conversation stays resolved; the next message opens a new one", async () => {
    const { message } = await receive("text");
    await prisma.conversation.update({
      where: { id: message.conversationId },
      data: { status: "resolved", isOpen: null, resolvedAt: new Date() },
    });
    tag = uniqueSuffix();
    const { message: next } = await receive("image");
    expect(next.conversationId).not.toBe(message.conversationId);
    expect(next.conversation).toMatchObject({ status: "open", unreadCount: 1 });
  });
});
