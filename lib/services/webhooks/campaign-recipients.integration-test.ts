/**
 * Campaign recipients moved by Meta's webhooks inside the event's transaction: statuses by wamid
 * (or, after a sender crash, by the "cr:<id>" callback data), forward only, counters once;
 * Meta's asynchronous refusals (131026, 131049, 131050); replies within the reply window; a paused
 * template pausing its campaigns.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import {
  createNumber,
  createOutbound,
  deliver,
  FIXTURE_OUTBOUND_WAMID,
  FIXTURE_WA_ID,
  fixtureFor,
  redelivery,
  tagged,
  type Payload,
  type TestNumber,
} from "@/test/webhooks/helpers";
import { uniqueSuffix } from "@/test/webhooks/unique";

vi.hoisted(() => {
  process.env.META_APP_SECRET = "test-platform-app-secret";
});

const at = (seconds: number) => new Date(seconds * 1000);
const TIMES = { sent: at(1749416400), delivered: at(1749416410), read: at(1749416470), failed: at(1749416405) };
const REPLY_AT = at(1749416383); // text.json's timestamp
const noHooks = { hooks: {} };

type Kind = "sent" | "delivered" | "read" | "failed";

let number: TestNumber;
let tag: string;
let wamid: string;
let copies: number;
beforeEach(async () => {
  number = await createNumber("campaign-statuses");
  tag = uniqueSuffix();
  wamid = tagged(FIXTURE_OUTBOUND_WAMID, tag);
  copies = 0;
});

function firstStatus(payload: Payload): Payload {
  const value = ((payload.entry as Payload[])[0]!.changes as Payload[])[0]!.value as Payload;
  return (value.statuses as Payload[])[0]!;
}

/** A status of `wamid` as Meta sends it, optionally with callback data and a failure's code. */
function statusPayload(kind: Kind, options: { callback?: string | null; code?: number; target?: TestNumber } = {}): Payload {
  const payload = fixtureFor(`status-${kind}`, options.target ?? number, tag);
  const status = firstStatus(payload);
  if (options.callback === null) delete status.biz_opaque_callback_data;
  else if (options.callback !== undefined) status.biz_opaque_callback_data = options.callback;
  if (options.code !== undefined) ((status.errors as Payload[])[0]!).code = options.code;
  return payload;
}

/** Delivers a status; every call is new bytes (Meta redelivering the same content is processed again). */
async function status(kind: Kind, options: Parameters<typeof statusPayload>[1] = {}) {
  copies += 1;
  return deliver(redelivery(statusPayload(kind, options), copies), noHooks);
}

async function contact(workspaceId = number.workspaceId) {
  return prisma.contact.upsert({
    where: { workspaceId_waId: { workspaceId, waId: FIXTURE_WA_ID } },
    create: { workspaceId, waId: FIXTURE_WA_ID, phone: `+${FIXTURE_WA_ID}` },
    update: {},
  });
}

async function campaign(workspaceId = number.workspaceId, data: { status?: "sending" | "scheduled" | "draft" | "completed"; templateId?: string; replyWindowHours?: number } = {}) {
  return prisma.campaign.create({
    data: { workspaceId, name: `c ${uniqueSuffix()}`, status: data.status ?? "sending", templateId: data.templateId, replyWindowHours: data.replyWindowHours },
  });
}

/** A recipient as the sender leaves it: `sent` (wamid, sentAt, sentCount + 1) or crashed while `sending`. */
async function recipient(options: { state?: "sent" | "sending"; withMessage?: boolean; workspaceId?: string; sentAt?: Date; campaignId?: string } = {}) {
  const workspaceId = options.workspaceId ?? number.workspaceId;
  const person = await contact(workspaceId);
  const c = options.campaignId ? await prisma.campaign.findUniqueOrThrow({ where: { id: options.campaignId } }) : await campaign(workspaceId);
  const sent = (options.state ?? "sent") === "sent";
  const row = await prisma.campaignRecipient.create({
    data: {
      workspaceId,
      campaignId: c.id,
      contactId: person.id,
      phone: `+${FIXTURE_WA_ID}`,
      status: sent ? "sent" : "sending",
      claimedAt: new Date(),
      wamid: sent ? wamid : null,
      sentAt: sent ? (options.sentAt ?? new Date(TIMES.sent.getTime() - 1_000)) : null,
    },
  });
  if (sent) await prisma.campaign.update({ where: { id: c.id }, data: { sentCount: { increment: 1 }, totalCount: { increment: 1 } } });
  if (sent && options.withMessage !== false) {
    const messageId = await createOutbound(number, wamid, "sent");
    await prisma.message.update({ where: { id: messageId }, data: { campaignRecipientId: row.id } });
  }
  return { recipientId: row.id, campaignId: c.id, contactId: person.id };
}

const recipientRow = (id: string) => prisma.campaignRecipient.findUniqueOrThrow({ where: { id } });
const counters = (id: string) =>
  prisma.campaign.findUniqueOrThrow({
    where: { id },
    select: { sentCount: true, deliveredCount: true, readCount: true, repliedCount: true, failedCount: true, status: true },
  });

describe("statuses by wamid", () => {
  it("moves the recipient and its counters once, however often Meta redelivers", async () => {
    const r = await recipient();
    for (let round = 0; round < 3; round++) for (const kind of ["sent", "delivered", "read"] as const) await status(kind);
    expect(await recipientRow(r.recipientId)).toMatchObject({ status: "read", deliveredAt: TIMES.delivered, readAt: TIMES.read, errorCode: null });
    expect(await counters(r.campaignId)).toMatchObject({ sentCount: 1, deliveredCount: 1, readCount: 1, failedCount: 0 });
    expect(await prisma.message.findUniqueOrThrow({ where: { wamid } })).toMatchObject({ status: "read" });
  });

  it("read before delivered counts delivered too; the late delivered changes nothing", async () => {
    const r = await recipient();
    const outcome = await status("read");
    expect(outcome.campaigns).toEqual([{ workspaceId: number.workspaceId, campaignId: r.campaignId }]);
    expect(await recipientRow(r.recipientId)).toMatchObject({ status: "read", readAt: TIMES.read, deliveredAt: TIMES.read });
    expect(await counters(r.campaignId)).toMatchObject({ deliveredCount: 1, readCount: 1 });
    await status("delivered");
    expect(await recipientRow(r.recipientId)).toMatchObject({ status: "read", readAt: TIMES.read, deliveredAt: TIMES.read });
    expect(await counters(r.campaignId)).toMatchObject({ sentCount: 1, deliveredCount: 1, readCount: 1 });
  });

  it("a failed after delivered is ignored; a failed before delivery records Meta's error and counts once", async () => {
    const r = await recipient();
    await status("delivered");
    await status("failed");
    expect(await recipientRow(r.recipientId)).toMatchObject({ status: "delivered", errorCode: null, failedAt: null });
    expect(await counters(r.campaignId)).toMatchObject({ failedCount: 0, deliveredCount: 1 });

    wamid = tagged(FIXTURE_OUTBOUND_WAMID, (tag = uniqueSuffix()));
    const other = await recipient();
    await status("failed");
    await status("failed");
    expect(await recipientRow(other.recipientId)).toMatchObject({
      status: "failed",
      failedAt: TIMES.failed,
      errorCode: 131047,
      error: expect.stringMatching(/^Re-engagement message: Message failed to send because more than 24 hours/),
      retryable: false,
    });
    expect(await counters(other.campaignId)).toMatchObject({ failedCount: 1 });
  });

  it("a failure after the send moves the recipient from sent to failed; a delivery after it moves it back", async () => {
    const r = await recipient();
    // As the sender left it: Meta accepted the send.
    await prisma.campaign.update({ where: { id: r.campaignId }, data: { sentCount: 1 } });
    await status("sent");
    await status("failed");
    expect(await counters(r.campaignId)).toMatchObject({ sentCount: 0, failedCount: 1, deliveredCount: 0 });
    await status("delivered");
    expect(await recipientRow(r.recipientId)).toMatchObject({ status: "delivered" });
    expect(await counters(r.campaignId)).toMatchObject({ sentCount: 1, failedCount: 0, deliveredCount: 1 });
    // Redelivered, nothing moves again.
    await status("failed");
    await status("delivered");
    expect(await counters(r.campaignId)).toMatchObject({ sentCount: 1, failedCount: 0, deliveredCount: 1 });
  });

  it("recognises a recipient whose Message row is missing, so the event is not held waiting", async () => {
    const r = await recipient({ withMessage: false });
    const outcome = await status("delivered");
    expect(outcome).toMatchObject({ result: "processed", waitingFor: [] });
    expect(await recipientRow(r.recipientId)).toMatchObject({ status: "delivered" });
  });

  it("a status for an unknown wamid with the fixtures' foreign callback data still waits", async () => {
    const outcome = await status("delivered");
    expect(outcome).toMatchObject({ result: "deferred", waitingFor: [wamid] });
  });
});

describe("crash reconciliation by callback data", () => {
  it("settles a 'sending' recipient with no wamid from Meta's status, counting it sent once", async () => {
    const r = await recipient({ state: "sending" });
    const outcome = await status("delivered", { callback: `cr:${r.recipientId}` });
    expect(outcome).toMatchObject({ result: "processed", waitingFor: [] });
    expect(await recipientRow(r.recipientId)).toMatchObject({ status: "delivered", wamid, sentAt: TIMES.delivered, deliveredAt: TIMES.delivered });
    expect(await counters(r.campaignId)).toMatchObject({ sentCount: 1, deliveredCount: 1 });
    // Later statuses find it by wamid now (even without callback data); nothing counts twice.
    await status("sent", { callback: null });
    await status("delivered", { callback: `cr:${r.recipientId}` });
    await status("read", { callback: null });
    expect(await recipientRow(r.recipientId)).toMatchObject({ status: "read", sentAt: TIMES.delivered, readAt: TIMES.read });
    expect(await counters(r.campaignId)).toMatchObject({ sentCount: 1, deliveredCount: 1, readCount: 1 });
  });

  it("never re-points a recipient that already has a wamid", async () => {
    const r = await recipient();
    const before = await recipientRow(r.recipientId);
    tag = uniqueSuffix();
    wamid = tagged(FIXTURE_OUTBOUND_WAMID, tag);
    const outcome = await status("delivered", { callback: `cr:${r.recipientId}` });
    expect(outcome.result).toBe("deferred");
    expect(await recipientRow(r.recipientId)).toEqual(before);
  });
});

describe("Meta's asynchronous refusals", () => {
  it("131026 suppresses the contact (once, the first reason kept)", async () => {
    const r = await recipient({ withMessage: false });
    await status("failed", { code: 131026 });
    await status("failed", { code: 131026 });
    expect(await prisma.contact.findUniqueOrThrow({ where: { id: r.contactId } })).toMatchObject({
      suppressedAt: TIMES.failed,
      suppressedReason: "Meta 131026: Re-engagement message",
    });
    expect(await recipientRow(r.recipientId)).toMatchObject({ status: "failed", errorCode: 131026, retryable: false });
  });

  it("131049 (marketing cap) marks the recipient retryable", async () => {
    const r = await recipient();
    await status("failed", { code: 131049 });
    expect(await recipientRow(r.recipientId)).toMatchObject({ status: "failed", errorCode: 131049, retryable: true });
    expect((await prisma.contact.findUniqueOrThrow({ where: { id: r.contactId } })).suppressedAt).toBeNull();
  });

  it("131050 opts the contact out, with or without the Message row", async () => {
    const withMessage = await recipient();
    await status("failed", { code: 131050 });
    expect(await prisma.contact.findUniqueOrThrow({ where: { id: withMessage.contactId } })).toMatchObject({ optOutSource: "meta" });
    expect(await recipientRow(withMessage.recipientId)).toMatchObject({ status: "failed", errorCode: 131050 });

    number = await createNumber("campaign-statuses");
    wamid = tagged(FIXTURE_OUTBOUND_WAMID, (tag = uniqueSuffix()));
    const crashed = await recipient({ state: "sending" });
    await status("failed", { code: 131050, callback: `cr:${crashed.recipientId}` });
    await status("failed", { code: 131050, callback: `cr:${crashed.recipientId}` });
    expect(await prisma.contact.findUniqueOrThrow({ where: { id: crashed.contactId } })).toMatchObject({ optOutSource: "meta", optedOutAt: expect.any(Date) });
    expect(await prisma.consentEvent.count({ where: { contactId: crashed.contactId } })).toBe(1);
    expect(await recipientRow(crashed.recipientId)).toMatchObject({ status: "failed", wamid, errorCode: 131050 });
  });
});

describe("replies", () => {
  const reply = (copy: number) => deliver(redelivery(fixtureFor("text", number, uniqueSuffix()), copy), noHooks);

  it("within the reply window: repliedAt and repliedCount once, each reply tagged with the campaign", async () => {
    const older = await recipient({ sentAt: new Date(REPLY_AT.getTime() - 10 * 3_600_000) });
    // A more recent campaign to the same contact wins.
    wamid = tagged(FIXTURE_OUTBOUND_WAMID, (tag = uniqueSuffix()));
    const r = await recipient({ sentAt: new Date(REPLY_AT.getTime() - 3_600_000), withMessage: false });
    const first = await reply(1);
    const second = await reply(2);
    expect(await recipientRow(r.recipientId)).toMatchObject({ repliedAt: REPLY_AT });
    expect(await counters(r.campaignId)).toMatchObject({ repliedCount: 1 });
    expect((await recipientRow(older.recipientId)).repliedAt).toBeNull();
    expect(await counters(older.campaignId)).toMatchObject({ repliedCount: 0 });
    for (const outcome of [first, second]) {
      expect(await prisma.message.findUniqueOrThrow({ where: { id: outcome.inserted[0]!.messageId } })).toMatchObject({ repliedCampaignId: r.campaignId });
    }
    expect(first.campaigns).toEqual([{ workspaceId: number.workspaceId, campaignId: r.campaignId }]);
  });

  it("outside the window (or before the send) is no reply", async () => {
    const c = await campaign(number.workspaceId, { replyWindowHours: 24 });
    const late = await recipient({ campaignId: c.id, sentAt: new Date(REPLY_AT.getTime() - 25 * 3_600_000), withMessage: false });
    const outcome = await reply(1);
    expect((await recipientRow(late.recipientId)).repliedAt).toBeNull();
    expect(await counters(c.id)).toMatchObject({ repliedCount: 0 });
    expect(await prisma.message.findUniqueOrThrow({ where: { id: outcome.inserted[0]!.messageId } })).toMatchObject({ repliedCampaignId: null });
    expect(outcome.campaigns).toEqual([]);
  });
});

describe("template paused mid-campaign", () => {
  it("pauses the template's sending and scheduled campaigns with Meta's reason; others stay", async () => {
    const template = await prisma.template.create({
      data: { workspaceId: number.workspaceId, name: "order_confirmation", language: "en_US", category: "UTILITY", status: "APPROVED", components: [], metaId: "1689556908129832" },
    });
    const sending = await campaign(number.workspaceId, { status: "sending", templateId: template.id });
    const scheduled = await campaign(number.workspaceId, { status: "scheduled", templateId: template.id });
    const done = await campaign(number.workspaceId, { status: "completed", templateId: template.id });
    const otherTemplate = await campaign(number.workspaceId, { status: "sending" });
    const outcome = await deliver(fixtureFor("template-paused", number, uniqueSuffix()), noHooks);
    expect(outcome).toMatchObject({ result: "processed", notes: [] });
    for (const id of [sending.id, scheduled.id]) {
      const row = await prisma.campaign.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ status: "paused", pausedAt: expect.any(Date) });
      expect(row.statusReason).toEqual({
        code: 132015,
        message: expect.stringMatching(/^Meta paused the template: Your WhatsApp message template has been paused/),
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
    }
    expect(await prisma.campaign.findUniqueOrThrow({ where: { id: done.id } })).toMatchObject({ status: "completed", statusReason: null });
    expect(await prisma.campaign.findUniqueOrThrow({ where: { id: otherTemplate.id } })).toMatchObject({ status: "sending", statusReason: null });
    expect(outcome.campaigns.map((c) => c.campaignId).sort()).toEqual([sending.id, scheduled.id].sort());
  });
});
