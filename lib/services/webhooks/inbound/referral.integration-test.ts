/**
 * Click-to-WhatsApp attribution: an inbound message's `referral` kept, bounded, on the contact (its
 * first one, by Meta's timestamp) and on the conversation (the first one seen in it), and shown by
 * the contact panel and the conversation header — from Meta's fixtures, and from the emulator's
 * `referral_text` customer message through the real webhook route.
 */
import type * as NextServer from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import type { WorkspaceContext } from "@/lib/auth/context";
import { getContactPanel } from "@/lib/services/contacts/contact-panel";
import { getConversation } from "@/lib/services/inbox/get-conversation";
import { REFERRAL_LIMITS } from "@/lib/whatsapp/webhook/referral";
import type { EmulatorPhoneNumber, RunningEmulator } from "@/local/whatsapp-emulator";
import { SAMPLE_REFERRAL } from "@/local/whatsapp-emulator/customer-messages";
import { connectedTenant, CUSTOMER, emulatorNumber, startEmulator, startWebhookForwarder } from "@/test/media/harness";
import { drainAfter } from "@/test/webhooks/after-queue";
import { createNumber, deliver, fixtureFor, type Payload, type TestNumber } from "@/test/webhooks/helpers";
import { uniqueSuffix } from "@/test/webhooks/unique";

vi.hoisted(() => {
  process.env.META_APP_SECRET = "test-platform-app-secret";
});
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof NextServer>()),
  after: (await import("@/test/webhooks/after-queue")).enqueueAfter,
}));

const FIXTURE_TIME = 1749416383;
const at = (seconds: number) => new Date(seconds * 1000);

/** What the fixture's referral (test/fixtures/meta/text-referral.json) is kept as: all of it, it is all known and sane. */
const FIXTURE_REFERRAL = {
  source_url: "https://fb.me/3cr4Wqqkv",
  source_id: "120226305854810726",
  source_type: "ad",
  body: "Summer sale: 50% off all shirts",
  headline: "Chat with us",
  media_type: "image",
  image_url: "https://scontent.xx.fbcdn.net/v/t45.1600-4/example.jpg",
  ctwa_clid: "ARAkLkA8rmlFeiCktEJQ-QTwRiyYHAFDLMNDBH0CD3qpjd0HR4irJ6LEkR7JwFF4XvnO2E4Nx0-eM-GABDLOPaOdRMv-_zfUQ2a",
  welcome_message: { text: "Hi, how can we help?" },
};

let number: TestNumber;
let tag: string;
let ctx: WorkspaceContext;
let sequence = 0;

beforeEach(async () => {
  number = await createNumber("referral");
  tag = uniqueSuffix();
  const user = await prisma.user.create({ data: { email: `agent-${tag}@example.com`, name: "Agent" } });
  await prisma.membership.create({ data: { workspaceId: number.workspaceId, userId: user.id, role: "agent" } });
  ctx = { workspaceId: number.workspaceId, userId: user.id, role: "agent" };
});

function messageOf(payload: Payload): Record<string, unknown> {
  const entry = (payload.entry as Payload[])[0]!;
  const change = (entry.changes as Payload[])[0]!;
  return ((change.value as Payload).messages as Record<string, unknown>[])[0]!;
}

/**
 * The customer of the fixtures writes again: a new wamid, Meta's timestamp `time`, and the given
 * referral (undefined: none; otherwise merged over nothing — exactly what is passed).
 */
async function receive(options: { referral?: unknown; time?: number; fixture?: "text" | "text-referral" } = {}) {
  sequence += 1;
  const payload = fixtureFor(options.fixture ?? (options.referral === undefined ? "text" : "text-referral"), number, `${tag}.${sequence}`);
  const message = messageOf(payload);
  if (options.referral !== undefined) message.referral = options.referral;
  if (options.time !== undefined) message.timestamp = String(options.time);
  const outcome = await deliver(payload);
  expect(outcome.result).toBe("processed");
  expect(outcome.inserted).toHaveLength(1);
  return prisma.message.findUniqueOrThrow({ where: { wamid: message.id as string }, include: { contact: true, conversation: true } });
}

async function resolve(conversationId: string) {
  await prisma.conversation.update({ where: { id: conversationId }, data: { status: "resolved", isOpen: null, resolvedAt: new Date() } });
}

describe("the contact's and conversation's referral", () => {
  it("keeps the first referral on the contact (with its source id and time) and on the conversation", async () => {
    const message = await receive({ fixture: "text-referral" });
    expect(message.contact).toMatchObject({
      referral: FIXTURE_REFERRAL,
      referralSourceId: "120226305854810726",
      referredAt: at(FIXTURE_TIME),
    });
    expect(message.conversation.referral).toEqual(FIXTURE_REFERRAL);
    // The message keeps Meta's referral whole, as before.
    expect(message.content).toMatchObject({ referral: FIXTURE_REFERRAL });
  });

  it("without a referral stores none, and a plain message later leaves one in place", async () => {
    const plain = await receive();
    expect(plain.contact).toMatchObject({ referral: null, referralSourceId: null, referredAt: null, lastInboundAt: at(FIXTURE_TIME) });
    expect(plain.conversation.referral).toBeNull();

    // The same conversation: an ad click seen after a plain first message is the first one seen in it.
    const clicked = await receive({ fixture: "text-referral", time: FIXTURE_TIME + 60 });
    expect(clicked.conversationId).toBe(plain.conversationId);
    expect(clicked.conversation.referral).toEqual(FIXTURE_REFERRAL);
    expect(clicked.contact).toMatchObject({ referralSourceId: "120226305854810726", referredAt: at(FIXTURE_TIME + 60) });

    const after = await receive({ time: FIXTURE_TIME + 120 });
    expect(after.contact).toMatchObject({
      referral: FIXTURE_REFERRAL,
      referralSourceId: "120226305854810726",
      referredAt: at(FIXTURE_TIME + 60),
    });
    expect(after.contact.lastInboundAt).toEqual(at(FIXTURE_TIME + 120));
    expect(after.conversation.referral).toEqual(FIXTURE_REFERRAL);
  });

  it("a later referral overwrites neither the contact's nor the open conversation's", async () => {
    const first = await receive({ fixture: "text-referral" });
    const second = await receive({
      referral: { source_type: "post", source_id: "999", headline: "Another ad", ctwa_clid: "ARAkSecondClick" },
      time: FIXTURE_TIME + 3600,
    });
    expect(second.conversationId).toBe(first.conversationId);
    expect(second.contact).toMatchObject({
      referral: FIXTURE_REFERRAL,
      referralSourceId: "120226305854810726",
      referredAt: at(FIXTURE_TIME),
    });
    expect(second.conversation.referral).toEqual(FIXTURE_REFERRAL);
    // The later click is not lost: its message holds it.
    expect(second.content).toMatchObject({ referral: { source_id: "999", ctwa_clid: "ARAkSecondClick" } });

    // Same time as the first: still the first (ties keep what is there).
    const tie = await receive({ referral: { source_id: "777", ctwa_clid: "ARAkTie" }, time: FIXTURE_TIME });
    expect(tie.contact.referralSourceId).toBe("120226305854810726");
  });

  it("an earlier click processed late becomes the contact's first (Meta delivers unordered)", async () => {
    const later = await receive({ referral: { source_type: "ad", source_id: "222", ctwa_clid: "ARAkLater" }, time: FIXTURE_TIME + 600 });
    expect(later.contact).toMatchObject({ referralSourceId: "222", referredAt: at(FIXTURE_TIME + 600) });
    const earlier = await receive({ fixture: "text-referral" });
    expect(earlier.contact).toMatchObject({
      referral: FIXTURE_REFERRAL,
      referralSourceId: "120226305854810726",
      referredAt: at(FIXTURE_TIME),
    });
    expect(earlier.contact.lastInboundAt).toEqual(at(FIXTURE_TIME + 600));
    // The conversation keeps the first one it saw.
    expect(earlier.conversation.referral).toMatchObject({ source_id: "222" });
  });

  it("a new conversation gets its own referral; the contact keeps its first", async () => {
    const first = await receive({ fixture: "text-referral" });
    await resolve(first.conversationId);
    const second = await receive({
      referral: { source_type: "ad", source_id: "333", headline: "Winter sale", ctwa_clid: "ARAkWinter" },
      time: FIXTURE_TIME + 86_400,
    });
    expect(second.conversationId).not.toBe(first.conversationId);
    expect(second.conversation.referral).toEqual({ source_type: "ad", source_id: "333", headline: "Winter sale", ctwa_clid: "ARAkWinter" });
    expect(second.contact).toMatchObject({ referral: FIXTURE_REFERRAL, referralSourceId: "120226305854810726" });
    const old = await prisma.conversation.findUniqueOrThrow({ where: { id: first.conversationId } });
    expect(old.referral).toEqual(FIXTURE_REFERRAL);

    // A conversation opened without a referral has none, whatever the contact has.
    await resolve(second.conversationId);
    const third = await receive({ time: FIXTURE_TIME + 2 * 86_400 });
    expect(third.conversationId).not.toBe(second.conversationId);
    expect(third.conversation.referral).toBeNull();
  });

  it("bounds oversized and odd values, and keeps the message (and Meta's referral) whole", async () => {
    const hostile = {
      source_url: "javascript:alert(document.cookie)",
      source_id: `1202 ${"9".repeat(REFERRAL_LIMITS.sourceId)}`,
      source_type: "ad",
      headline: `  Big ${"H".repeat(200_000)}  `,
      body: "b\u001bo\u0007d\ny",
      image_url: "data:image/svg+xml,<svg onload=alert(1)>",
      video_url: 42,
      ctwa_clid: "A".repeat(REFERRAL_LIMITS.ctwaClid + 1),
      welcome_message: { text: ["not", "text"] },
      padding: "x".repeat(500_000),
      nested: { deep: { deeper: [1, 2, 3] } },
    };
    const message = await receive({ referral: hostile });
    const kept = message.contact.referral as Record<string, unknown>;
    expect(Object.keys(kept).sort()).toEqual(["body", "headline", "source_type"]);
    expect(kept.body).toBe("bod y");
    expect(Array.from(kept.headline as string)).toHaveLength(REFERRAL_LIMITS.headline);
    expect(message.contact).toMatchObject({ referralSourceId: null, referredAt: at(FIXTURE_TIME) });
    expect(Buffer.byteLength(JSON.stringify(kept))).toBeLessThan(2_000);
    expect(message.conversation.referral).toEqual(kept);
    expect((message.content as { referral: unknown }).referral).toEqual(hostile);

    const panel = await getContactPanel(ctx, message.contactId);
    expect(panel.referral).toEqual(kept);
    expect(panel.referral).not.toHaveProperty("source_url");
  });

  it("a referral that is not an object costs neither the message nor the contact anything", async () => {
    const message = await receive({ referral: "https://fb.me/not-an-object" });
    expect(message.content).toMatchObject({ body: "Hi! I saw your ad about the summer sale.", referral: "https://fb.me/not-an-object" });
    expect(message.contact).toMatchObject({ referral: null, referralSourceId: null, referredAt: null });
    expect(message.conversation.referral).toBeNull();
  });
});

describe("the contact panel and conversation header", () => {
  it("give the contact's first referral, when it came, and the conversation's own", async () => {
    const first = await receive({ fixture: "text-referral" });
    expect(await getContactPanel(ctx, first.contactId)).toMatchObject({ referral: FIXTURE_REFERRAL, referredAt: at(FIXTURE_TIME) });
    expect((await getConversation(ctx, first.conversationId)).referral).toEqual(FIXTURE_REFERRAL);

    await resolve(first.conversationId);
    const second = await receive({
      referral: { source_type: "post", source_id: "444", ctwa_clid: "ARAkPost" },
      time: FIXTURE_TIME + 86_400,
    });
    expect((await getConversation(ctx, second.conversationId)).referral).toEqual({
      source_type: "post",
      source_id: "444",
      ctwa_clid: "ARAkPost",
    });
    expect((await getContactPanel(ctx, second.contactId)).referral).toEqual(FIXTURE_REFERRAL);
  });

  it("re-read a stored referral within the same bounds (a row written by anything else)", async () => {
    const message = await receive();
    await prisma.contact.update({
      where: { id: message.contactId },
      data: {
        referral: { source_url: "javascript:alert(1)", headline: "x".repeat(5000), source_id: "55", extra: true },
        referredAt: at(FIXTURE_TIME),
      },
    });
    await prisma.conversation.update({ where: { id: message.conversationId }, data: { referral: ["not", "an", "object"] } });
    const panel = await getContactPanel(ctx, message.contactId);
    expect(Object.keys(panel.referral!).sort()).toEqual(["headline", "source_id"]);
    expect((await getConversation(ctx, message.conversationId)).referral).toBeNull();
  });

  it("give null for a contact and conversation without one", async () => {
    const message = await receive();
    expect(await getContactPanel(ctx, message.contactId)).toMatchObject({ referral: null, referredAt: null });
    expect((await getConversation(ctx, message.conversationId)).referral).toBeNull();
  });
});

describe("from the emulator's click-to-WhatsApp message, through the webhook route", () => {
  let emulator: RunningEmulator;
  let forwarder: Awaited<ReturnType<typeof startWebhookForwarder>>;
  const phone: EmulatorPhoneNumber = emulatorNumber("Ads");
  let workspaceId: string;

  beforeAll(async () => {
    forwarder = await startWebhookForwarder();
    emulator = await startEmulator([phone], forwarder.url);
    workspaceId = (await connectedTenant("R", phone)).workspace.id;
  });
  afterAll(async () => {
    await emulator.stop();
    await forwarder.close();
  });

  async function send(input: Omit<Parameters<RunningEmulator["sendAsCustomer"]>[0], "from" | "phoneNumberId">) {
    const sent = await emulator.sendAsCustomer({ from: CUSTOMER, phoneNumberId: phone.phoneNumberId, ...input });
    expect(sent.delivered).toBe(true);
    await drainAfter();
    return prisma.message.findUniqueOrThrow({ where: { wamid: sent.wamid }, include: { contact: true, conversation: true } });
  }

  it("keeps the first ad on the contact and the conversation, and the next click only on its message", async () => {
    const first = await send({ type: "referral_text", text: "Is this still on sale?" });
    expect(first.workspaceId).toBe(workspaceId);
    expect(first.contact).toMatchObject({ referral: SAMPLE_REFERRAL, referralSourceId: SAMPLE_REFERRAL.source_id });
    expect(first.contact.referredAt).toEqual(first.timestamp);
    expect(first.conversation.referral).toEqual(SAMPLE_REFERRAL);

    const second = await send({
      type: "referral_text",
      timestamp: Math.floor(first.timestamp.getTime() / 1000) + 60,
      referral: { source_id: "120226305854810999", headline: "Another ad", ctwa_clid: "AffSecondClick" },
    });
    expect(second.conversationId).toBe(first.conversationId);
    expect(second.contact).toMatchObject({
      referral: SAMPLE_REFERRAL,
      referralSourceId: SAMPLE_REFERRAL.source_id,
      referredAt: first.timestamp,
    });
    expect(second.conversation.referral).toEqual(SAMPLE_REFERRAL);
    expect(second.content).toMatchObject({ referral: { source_id: "120226305854810999", ctwa_clid: "AffSecondClick" } });

    const plain = await send({ type: "text", text: "Thanks" });
    expect(plain.contact.referralSourceId).toBe(SAMPLE_REFERRAL.source_id);
  });
});
