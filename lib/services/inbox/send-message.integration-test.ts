/**
 * Every kind of agent send against the WhatsApp emulator (as Meta), over real HTTP and a real
 * Postgres: what the emulator received, what the Message row records, the window and opt-out
 * rules, idempotency (sequential and concurrent), Meta's error classes and retries.
 */
import sharp from "sharp";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import type * as StorageModule from "@/lib/storage";
import type { Storage } from "@/lib/storage";
import type { RunningEmulator } from "@/local/whatsapp-emulator";
import { sampleMedia, type SampleKind } from "@/local/whatsapp-emulator/media-samples";
import type { Tenant } from "@/test/fixtures/tenants";
import { rejection } from "@/test/tenant-isolation/helpers";
import { connectedTenant, emulatorNumber, startEmulator, startStorage, type TestStorage } from "@/test/media/harness";
import { customerConversation, customerNumber, key } from "@/test/inbox/send-harness";
import { OUTCOME_UNKNOWN } from "./deliver";
import { markConversationRead } from "./mark-read";
import { retryMessage } from "./retry-message";
import { sendMessage } from "./send-message";
import { uploadAttachment } from "./upload-attachment";

const at = vi.hoisted(() => ({ graphUrl: "", storage: undefined as Storage | undefined }));
vi.mock("@/lib/whatsapp/config", () => ({ graphApiBaseUrl: () => at.graphUrl, graphApiVersion: () => "v23.0" }));
vi.mock("@/lib/storage", async (importOriginal) => ({
  ...(await importOriginal<typeof StorageModule>()),
  getStorage: () => at.storage,
}));

const number = emulatorNumber("Send");
let emulator: RunningEmulator;
let store: TestStorage;
let tenant: Tenant;

beforeAll(async () => {
  emulator = await startEmulator([number]);
  at.graphUrl = emulator.url;
  store = await startStorage("disk");
  at.storage = store.storage;
  tenant = await connectedTenant("S", number);
});
afterEach(() => emulator.setFaults({ throughputPerSecond: 0 }));
afterAll(async () => {
  await emulator.stop();
  await store.stop();
});

const ctx = () => tenant.agent.ctx;
const open = async (options: { lastInboundAgoMs?: number | null; optedOut?: boolean } = {}) => {
  const waId = customerNumber();
  return { waId, ...(await customerConversation(tenant, emulator, { waId, ...options })) };
};
/** The request body the emulator received for a wamid. */
const received = (wamid: string | null) => emulator.sentMessages().find((sent) => sent.wamid === wamid)?.request;
const sentCount = () => emulator.sentMessages().length;

async function upload(conversationId: string, kind: SampleKind, name: string) {
  const sample = sampleMedia(kind);
  return uploadAttachment(ctx(), { conversationId, file: new File([new Uint8Array(sample.bytes)], name, { type: sample.mimeType }) });
}

describe("sendMessage", () => {
  it("sends text, records pending → sent with the wamid, the author and the conversation's activity", async () => {
    const c = await open();
    const message = await sendMessage(ctx(), { conversationId: c.conversationId, idempotencyKey: key(), content: { type: "text", body: "Pesanan Anda sudah dikirim" } });
    expect(message).toMatchObject({ direction: "outbound", type: "text", status: "sent", author: { id: tenant.agent.userId } });
    expect(message.wamid).toMatch(/^wamid\./);
    expect(received(message.wamid)).toMatchObject({ to: c.waId, type: "text", text: { body: "Pesanan Anda sudah dikirim" } });
    const row = await prisma.message.findUniqueOrThrow({ where: { id: message.id } });
    expect(row).toMatchObject({ content: { body: "Pesanan Anda sudah dikirim" }, previewText: "Pesanan Anda sudah dikirim" });
    expect(row.sentAt).toBeInstanceOf(Date);
    const conversation = await prisma.conversation.findUniqueOrThrow({ where: { id: c.conversationId } });
    expect(conversation.lastMessagePreview).toBe("Pesanan Anda sudah dikirim");
    expect(conversation.lastMessageAt?.getTime()).toBe(row.timestamp.getTime());
  });

  it("sends a link preview, and a reply quoting the customer's message", async () => {
    const c = await open();
    const preview = await sendMessage(ctx(), {
      conversationId: c.conversationId,
      idempotencyKey: key(),
      replyToMessageId: c.inboundId,
      content: { type: "text", body: "See https://parley.example/track", previewUrl: true },
    });
    expect(received(preview.wamid)).toMatchObject({ text: { body: "See https://parley.example/track", preview_url: true }, context: { message_id: c.inboundWamid } });
    expect(preview.replyTo).toMatchObject({ id: c.inboundId, direction: "inbound" });
  });

  it("sends a 512 px WebP as a sticker; any other WebP picture as a JPEG image", async () => {
    const c = await open();
    const webp = (size: number) => sharp({ create: { width: size, height: size, channels: 4, background: { r: 0, g: 160, b: 90, alpha: 1 } } }).webp().toBuffer();
    const sticker = await uploadAttachment(ctx(), { conversationId: c.conversationId, file: new File([new Uint8Array(await webp(512))], "wave.webp", { type: "image/webp" }) });
    expect(sticker).toMatchObject({ kind: "sticker", mimeType: "image/webp", converted: false });
    const sent = await sendMessage(ctx(), { conversationId: c.conversationId, idempotencyKey: key(), content: { type: "media", mediaUploadId: sticker.mediaUploadId } });
    expect(sent).toMatchObject({ type: "sticker", status: "sent" });
    const metaMediaId = (await prisma.media.findUniqueOrThrow({ where: { id: sticker.mediaUploadId } })).metaMediaId;
    expect(received(sent.wamid)).toMatchObject({ type: "sticker", sticker: { id: metaMediaId } });

    const picture = await uploadAttachment(ctx(), { conversationId: c.conversationId, file: new File([new Uint8Array(await webp(300))], "photo.webp", { type: "image/webp" }) });
    expect(picture).toMatchObject({ kind: "image", mimeType: "image/jpeg", converted: true });
  });

  it.each([
    ["image", "photo.jpg", "image"],
    ["video", "clip.mp4", "video"],
    ["audio", "note.ogg", "audio"],
    ["document", "invoice.pdf", "document"],
  ] as const)("sends an uploaded %s", async (kind, name, type) => {
    const c = await open();
    const attachment = await upload(c.conversationId, kind, name);
    expect(attachment).toMatchObject({ kind: type, filename: name });
    const caption = type === "audio" ? undefined : "Ini dia";
    const message = await sendMessage(ctx(), {
      conversationId: c.conversationId,
      idempotencyKey: key(),
      content: { type: "media", mediaUploadId: attachment.mediaUploadId, caption, ...(type === "document" ? { filename: "Invoice 42.pdf" } : {}) },
    });
    expect(message).toMatchObject({ type, status: "sent", media: [{ id: attachment.mediaUploadId }] });
    const body = received(message.wamid);
    const metaMediaId = (await prisma.media.findUniqueOrThrow({ where: { id: attachment.mediaUploadId } })).metaMediaId;
    expect(body).toMatchObject({ type, [type]: { id: metaMediaId, ...(caption ? { caption } : {}), ...(type === "document" ? { filename: "Invoice 42.pdf" } : {}) } });

    // One attachment, one message.
    expect(
      (await rejection(sendMessage(ctx(), { conversationId: c.conversationId, idempotencyKey: key(), content: { type: "media", mediaUploadId: attachment.mediaUploadId } })))
        .messageKey,
    ).toBe("attachmentAlreadySent");
  });

  it("refuses a caption on audio, and an attachment of another conversation's upload that does not exist", async () => {
    const c = await open();
    const audio = await upload(c.conversationId, "audio", "note.ogg");
    const before = sentCount();
    expect(
      (await rejection(sendMessage(ctx(), { conversationId: c.conversationId, idempotencyKey: key(), content: { type: "media", mediaUploadId: audio.mediaUploadId, caption: "hi" } })))
        .messageKey,
    ).toBe("captionNotAllowed");
    expect(
      (await rejection(sendMessage(ctx(), { conversationId: c.conversationId, idempotencyKey: key(), content: { type: "media", mediaUploadId: "nope" } }))).messageKey,
    ).toBe("attachmentNotFound");
    expect(sentCount()).toBe(before);
  });

  it("sends an approved template with its variables, even outside the window; refuses unapproved ones and missing variables", async () => {
    const c = await open({ lastInboundAgoMs: 3 * 24 * 3600_000 });
    const template = await prisma.template.create({
      data: {
        workspaceId: tenant.workspace.id,
        name: "order_shipped",
        language: "en_US",
        category: "UTILITY",
        status: "APPROVED",
        components: [{ type: "BODY", text: "Hi {{1}}, your order {{2}} is on its way." }],
      },
    });
    const missing = await rejection(
      sendMessage(ctx(), { conversationId: c.conversationId, idempotencyKey: key(), content: { type: "template", templateId: template.id, variables: { "body.1": "Sheena" } } }),
    );
    expect(missing).toMatchObject({ messageKey: "templateVariableMissing", params: { name: "body.2" } });

    const message = await sendMessage(ctx(), {
      conversationId: c.conversationId,
      idempotencyKey: key(),
      content: { type: "template", templateId: template.id, variables: { "body.1": "Sheena", "body.2": "#1042" } },
    });
    expect(message).toMatchObject({ type: "template", status: "sent", previewText: "📋 Hi Sheena, your order #1042 is on its way." });
    expect(received(message.wamid)).toMatchObject({
      type: "template",
      template: { name: "order_shipped", language: { code: "en_US" }, components: [{ type: "body", parameters: [{ type: "text", text: "Sheena" }, { type: "text", text: "#1042" }] }] },
    });

    await prisma.template.update({ where: { id: template.id }, data: { status: "PAUSED" } });
    const paused = await rejection(
      sendMessage(ctx(), { conversationId: c.conversationId, idempotencyKey: key(), content: { type: "template", templateId: template.id, variables: { "body.1": "a", "body.2": "b" } } }),
    );
    expect(paused).toMatchObject({ messageKey: "templateNotApproved", params: { status: "PAUSED" } });
    await prisma.template.delete({ where: { id: template.id } });
  });

  it("reacts to a message and removes the reaction; answers with the bubble reacted to", async () => {
    const c = await open();
    const reacted = await sendMessage(ctx(), { conversationId: c.conversationId, idempotencyKey: key(), content: { type: "reaction", messageId: c.inboundId, emoji: "👍" } });
    expect(reacted).toMatchObject({ id: c.inboundId, reactions: [{ emoji: "👍", direction: "outbound" }] });
    const sent = emulator.sentMessages().at(-1)!;
    expect(sent.request).toMatchObject({ type: "reaction", reaction: { message_id: c.inboundWamid, emoji: "👍" } });

    const removed = await sendMessage(ctx(), { conversationId: c.conversationId, idempotencyKey: key(), content: { type: "reaction", messageId: c.inboundId, emoji: "" } });
    expect(removed.reactions).toEqual([]);
    expect(emulator.sentMessages().at(-1)!.request).toMatchObject({ reaction: { message_id: c.inboundWamid, emoji: "" } });
  });

  it("refuses free-form content outside the 24-hour window, writing and sending nothing", async () => {
    const c = await open({ lastInboundAgoMs: 24 * 3600_000 + 60_000 });
    const before = { sent: sentCount(), rows: await prisma.message.count({ where: { conversationId: c.conversationId } }) };
    for (const content of [
      { type: "text", body: "Hello?" },
      { type: "reaction", messageId: c.inboundId, emoji: "👍" },
    ] as const) {
      const error = await rejection(sendMessage(ctx(), { conversationId: c.conversationId, idempotencyKey: key(), content }));
      expect(error).toMatchObject({ code: "conflict", messageKey: "windowClosed" });
    }
    expect({ sent: sentCount(), rows: await prisma.message.count({ where: { conversationId: c.conversationId } }) }).toEqual(before);
    // Never wrote at all: also closed.
    const never = await open({ lastInboundAgoMs: null });
    await prisma.message.deleteMany({ where: { conversationId: never.conversationId } });
    expect((await rejection(sendMessage(ctx(), { conversationId: never.conversationId, idempotencyKey: key(), content: { type: "text", body: "Hi" } }))).messageKey).toBe("windowClosed");
  });

  it("answers an opted-out contact inside the window only", async () => {
    const inside = await open({ optedOut: true });
    expect((await sendMessage(ctx(), { conversationId: inside.conversationId, idempotencyKey: key(), content: { type: "text", body: "Noted" } })).status).toBe("sent");
    const outside = await open({ optedOut: true, lastInboundAgoMs: 2 * 24 * 3600_000 });
    const template = await prisma.template.create({
      data: { workspaceId: tenant.workspace.id, name: "hello_world", language: "en_US", category: "UTILITY", status: "APPROVED", components: [{ type: "BODY", text: "Hello World" }] },
    });
    const error = await rejection(sendMessage(ctx(), { conversationId: outside.conversationId, idempotencyKey: key(), content: { type: "template", templateId: template.id } }));
    expect(error.messageKey).toBe("contactOptedOut");
    await prisma.template.delete({ where: { id: template.id } });
  });

  it("never sends one idempotency key twice: sequential repeats and concurrent requests get the one message", async () => {
    const c = await open();
    const sendKey = key();
    const input = { conversationId: c.conversationId, idempotencyKey: sendKey, content: { type: "text", body: "Once" } } as const;
    const before = sentCount();
    const first = await sendMessage(ctx(), input);
    const again = await sendMessage(ctx(), input);
    expect(again.id).toBe(first.id);
    expect(sentCount()).toBe(before + 1);

    const concurrentKey = key();
    const racing = await Promise.all(
      Array.from({ length: 5 }, () => sendMessage(ctx(), { ...input, idempotencyKey: concurrentKey, content: { type: "text", body: "Race" } })),
    );
    expect(new Set(racing.map((m) => m.id)).size).toBe(1);
    expect(sentCount()).toBe(before + 2);
    expect(await prisma.message.count({ where: { workspaceId: tenant.workspace.id, idempotencyKey: concurrentKey } })).toBe(1);

    const other = await open();
    expect((await rejection(sendMessage(ctx(), { ...input, conversationId: other.conversationId }))).messageKey).toBe("idempotencyKeyReused");
  });

  it("records a permanent refusal as failed with Meta's code and reason, and refuses to retry it", async () => {
    // Meta refuses a message to the business's own number (131021, a parameter error).
    const c = await open();
    await prisma.contact.update({ where: { id: c.contactId }, data: { waId: "15550100001", phone: "+15550100001" } });
    const message = await sendMessage(ctx(), { conversationId: c.conversationId, idempotencyKey: key(), content: { type: "text", body: "Me?" } });
    expect(message).toMatchObject({ status: "failed", errorCode: 131021, wamid: null });
    expect(message.errorTitle).toBeTruthy();
    expect(message.failedAt).toBeInstanceOf(Date);
    expect((await rejection(retryMessage(ctx(), message.id))).messageKey).toBe("messageNotRetryable");
  });

  it("records Meta's 5xx as failed; a retry keeps the one bubble and goes out", async () => {
    const c = await open();
    emulator.setFaults({ throughputPerSecond: 0, random5xxRate: 1 });
    const failed = await sendMessage(ctx(), { conversationId: c.conversationId, idempotencyKey: key(), content: { type: "text", body: "Try me" } });
    expect(failed).toMatchObject({ status: "failed", errorCode: 131000 });
    emulator.setFaults({ throughputPerSecond: 0 });
    const retried = await retryMessage(ctx(), failed.id);
    expect(retried).toMatchObject({ id: failed.id, status: "sent", errorCode: null, errorTitle: null });
    expect(received(retried.wamid)).toMatchObject({ text: { body: "Try me" } });
    expect(await prisma.message.count({ where: { conversationId: c.conversationId, direction: "outbound" } })).toBe(1);
    expect((await rejection(retryMessage(ctx(), failed.id))).messageKey).toBe("messageNotFailed");
  });

  it("records a throughput refusal (130429) as failed and retryable", async () => {
    const c = await open();
    emulator.setFaults({ throughputPerSecond: 1 });
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await sendMessage(ctx(), { conversationId: c.conversationId, idempotencyKey: key(), content: { type: "text", body: `n${i}` } }));
    const limited = results.find((m) => m.status === "failed");
    expect(limited).toMatchObject({ errorCode: 130429 });
    emulator.setFaults({ throughputPerSecond: 0 });
    expect((await retryMessage(ctx(), limited!.id)).status).toBe("sent");
  });

  it("does not resend blindly when the outcome is unknown (timeout after the request left)", async () => {
    const c = await open();
    emulator.setFaults({ throughputPerSecond: 0, slowMs: 400 });
    const before = sentCount();
    const lost = await sendMessage(ctx(), { conversationId: c.conversationId, idempotencyKey: key(), content: { type: "text", body: "Did it go?" } }, { timeoutMs: 100 });
    expect(lost).toMatchObject({ status: "failed", errorTitle: OUTCOME_UNKNOWN, wamid: null });
    emulator.setFaults({ throughputPerSecond: 0 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    // The request left: whether Meta kept it, we cannot tell. A retry needs the agent's confirmation.
    const after = sentCount();
    expect(after).toBeLessThanOrEqual(before + 1);
    expect((await rejection(retryMessage(ctx(), lost.id))).messageKey).toBe("messageOutcomeUnknown");
    expect(sentCount()).toBe(after);
    expect((await retryMessage(ctx(), lost.id, { confirmDuplicate: true })).status).toBe("sent");
    expect(sentCount()).toBe(after + 1);
  });
});

describe("markConversationRead", () => {
  it("zeroes the unread count and sends Meta a read receipt for the newest inbound message", async () => {
    const c = await open();
    expect(await markConversationRead(ctx(), c.conversationId)).toEqual({ unreadCount: 0, receiptSent: true });
    expect((await prisma.conversation.findUniqueOrThrow({ where: { id: c.conversationId } })).unreadCount).toBe(0);
    expect(emulator.readReceipts().at(-1)).toMatchObject({ messageId: c.inboundWamid, phoneNumberId: number.phoneNumberId });
  });

  it("still zeroes the count when Meta fails (best effort)", async () => {
    const c = await open();
    emulator.setFaults({ throughputPerSecond: 0, random5xxRate: 1 });
    expect(await markConversationRead(ctx(), c.conversationId)).toEqual({ unreadCount: 0, receiptSent: false });
    expect((await prisma.conversation.findUniqueOrThrow({ where: { id: c.conversationId } })).unreadCount).toBe(0);
  });
});
