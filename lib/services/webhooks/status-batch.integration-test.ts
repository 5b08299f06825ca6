/**
 * The batch path (process-batch.ts) against the one-event-at-a-time path it replaces during a
 * status storm: the same deliveries end in the same rows (messages, campaign recipients, counters,
 * contacts) and the same per-event outcomes, over shuffled orders of many statuses of one message;
 * a poisoned event fails alone; each event of a batch waits (or stops waiting) on its own; two
 * batch processors over the same events never count anything twice; events carrying more than
 * statuses still go through; after commit, one hook call and one real-time publish per batch.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import type { MessageStatus } from "@/lib/generated/prisma/enums";
import type * as Publish from "@/lib/realtime/publish";
import type { RealtimeMessage } from "@/lib/realtime/publish";
import type { EventOutcome } from "@/lib/services/webhooks/outcome";
import { processWebhookEventBatch } from "@/lib/services/webhooks/process-batch";
import { MAX_ATTEMPTS, processWebhookEvent, STATUS_WAIT_MS } from "@/lib/services/webhooks/process-event";
import { sqlName } from "@/lib/services/webhooks/sql";
import {
  createNumber,
  createOutbound,
  FIXTURE_WA_ID,
  fixtureFor,
  loadFixture,
  retarget,
  store,
  type Payload,
  type TestNumber,
} from "@/test/webhooks/helpers";
import { uniqueSuffix } from "@/test/webhooks/unique";

vi.hoisted(() => {
  process.env.META_APP_SECRET = "test-platform-app-secret";
});

const published = vi.hoisted(() => ({ calls: [] as RealtimeMessage[][] }));
vi.mock("@/lib/realtime/publish", async (importOriginal) => {
  const actual = await importOriginal<typeof Publish>();
  return {
    ...actual,
    publishMany: vi.fn(async (messages: RealtimeMessage[]) => {
      published.calls.push(messages);
    }),
  };
});

const noHooks = { hooks: {} };
type Kind = "sent" | "delivered" | "read" | "played" | "failed";

interface StatusSpec {
  kind: Kind;
  /** Meta's timestamp, seconds. */
  at: number;
  code?: number;
}

/** One status of `wamid` as Meta sends it; `callback` is the send's `cr:<recipientId>`, if any. */
function statusObject(wamid: string, spec: StatusSpec, callback: string | null): Payload {
  return {
    id: wamid,
    status: spec.kind,
    timestamp: String(spec.at),
    recipient_id: FIXTURE_WA_ID,
    ...(callback ? { biz_opaque_callback_data: callback } : {}),
    ...(spec.kind === "failed"
      ? {
          errors: [
            { code: spec.code ?? 131047, title: `title ${spec.code ?? 131047} at ${spec.at}`, message: "m", error_data: { details: `details ${spec.at}` } },
          ],
        }
      : {}),
  };
}

/** A delivery of these statuses to `number`; a nonce keeps every body unique (identical bytes are stored once). */
function statusDelivery(number: TestNumber, statuses: Payload[]): Payload {
  const payload = retarget(loadFixture("status-sent"), number);
  const value = ((payload.entry as Payload[])[0]!.changes as Payload[])[0]!.value as Payload;
  value.statuses = statuses;
  return { ...payload, nonce: uniqueSuffix() };
}

type RecipientStart = "none" | "sent" | "sent-no-message" | "sending";

interface Start {
  message: MessageStatus | null;
  recipient: RecipientStart;
}

/** One of our messages (or not) and its campaign recipient (or not), in its own campaign. */
interface Target {
  wamid: string;
  messageId: string | null;
  recipientId: string | null;
  campaignId: string;
  callback: string | null;
}

interface Side {
  number: TestNumber;
  targets: Target[];
}

/** A workspace with one contact and a target per start, as the sender leaves them. */
async function side(starts: Start[]): Promise<Side> {
  const number = await createNumber("batch");
  const contact = await prisma.contact.create({ data: { workspaceId: number.workspaceId, waId: FIXTURE_WA_ID, phone: `+${FIXTURE_WA_ID}` } });
  const targets: Target[] = [];
  for (const start of starts) {
    const wamid = `wamid.batch.${uniqueSuffix()}`;
    const withMessage = start.message !== null && (start.recipient === "none" || start.recipient === "sent");
    const messageId = withMessage ? await createOutbound(number, wamid, start.message!) : null;
    const campaign = await prisma.campaign.create({ data: { workspaceId: number.workspaceId, name: `c ${uniqueSuffix()}`, status: "sending" } });
    if (start.recipient === "none") {
      targets.push({ wamid, messageId, recipientId: null, campaignId: campaign.id, callback: null });
      continue;
    }
    const sent = start.recipient !== "sending";
    const recipient = await prisma.campaignRecipient.create({
      data: {
        workspaceId: number.workspaceId,
        campaignId: campaign.id,
        contactId: contact.id,
        phone: `+${FIXTURE_WA_ID}`,
        status: sent ? "sent" : "sending",
        claimedAt: new Date(),
        wamid: sent ? wamid : null,
        sentAt: sent ? new Date(1_749_416_000_000) : null,
      },
    });
    if (sent) await prisma.campaign.update({ where: { id: campaign.id }, data: { sentCount: 1, totalCount: 1 } });
    if (messageId) await prisma.message.update({ where: { id: messageId }, data: { campaignRecipientId: recipient.id } });
    targets.push({ wamid, messageId, recipientId: recipient.id, campaignId: campaign.id, callback: `cr:${recipient.id}` });
  }
  return { number, targets };
}

/** What the statuses changed on one side, without its ids (a recipient's wamid: which target's). */
async function endState({ number, targets }: Side) {
  const rows = [];
  for (const t of targets) {
    const message = t.messageId
      ? await prisma.message.findUniqueOrThrow({
          where: { id: t.messageId },
          select: { status: true, sentAt: true, deliveredAt: true, readAt: true, failedAt: true, errorCode: true, errorTitle: true, errorDetails: true },
        })
      : null;
    const recipient = t.recipientId
      ? await prisma.campaignRecipient.findUniqueOrThrow({
          where: { id: t.recipientId },
          select: { status: true, wamid: true, sentAt: true, deliveredAt: true, readAt: true, failedAt: true, errorCode: true, error: true, retryable: true },
        })
      : null;
    const campaign = await prisma.campaign.findUniqueOrThrow({
      where: { id: t.campaignId },
      select: { sentCount: true, deliveredCount: true, readCount: true, failedCount: true },
    });
    const wamidOf = (wamid: string | null) => (wamid === null ? null : `target ${targets.findIndex((o) => o.wamid === wamid)}`);
    rows.push({ message, recipient: recipient ? { ...recipient, wamid: wamidOf(recipient.wamid) } : null, campaign });
  }
  const contact = await prisma.contact.findUniqueOrThrow({
    where: { workspaceId_waId: { workspaceId: number.workspaceId, waId: FIXTURE_WA_ID } },
    select: { optedOutAt: true, optOutSource: true, suppressedAt: true, suppressedReason: true },
  });
  const consentEvents = await prisma.consentEvent.count({ where: { workspaceId: number.workspaceId } });
  return { rows, contact: { ...contact, optedOutAt: contact.optedOutAt !== null }, consentEvents };
}

/** An outcome without ids: what each path decided for the event. */
function decided(outcome: EventOutcome) {
  return {
    result: outcome.result,
    waitingFor: outcome.waitingFor.length,
    statuses: outcome.statuses.map((s) => ({ status: s.status, held: s.messageId !== null, previous: s.previousStatus, current: s.currentStatus, changed: s.changed })),
    campaigns: outcome.campaigns.length,
    consent: outcome.consent.length,
    notes: outcome.notes,
  };
}

/** A small deterministic PRNG (mulberry32): every seed replays the same case. */
function randomSource(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS: Kind[] = ["sent", "delivered", "read", "played", "failed"];
const CODES = [131047, 131049, 131026, 131050];
const MESSAGE_STARTS: (MessageStatus | null)[] = ["pending", "sent", "failed", "delivered", null];
const RECIPIENT_STARTS: RecipientStart[] = ["none", "sent", "sent-no-message", "sending"];

interface Spec extends StatusSpec {
  /** The target whose wamid the status names, and the one whose callback data it carries. */
  target: number;
  callbackOf: number;
}

describe("a batch ends as its events one by one", () => {
  it.each(Array.from({ length: 30 }, (_, seed) => [seed]))("shuffled statuses of two messages, seed %i", async (seed) => {
    const random = randomSource(seed + 1);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const starts: Start[] = [0, 1].map(() => ({ message: pick(MESSAGE_STARTS), recipient: pick(RECIPIENT_STARTS) }));
    // 2–9 statuses, kinds repeating with other timestamps (the first report of a kind wins); now
    // and then one carrying the other target's callback data (a retried send's crossed wires).
    const specs: Spec[] = Array.from({ length: 2 + Math.floor(random() * 8) }, () => {
      const kind = pick(KINDS);
      const target = random() < 0.5 ? 0 : 1;
      return {
        kind,
        at: 1_749_416_400 + Math.floor(random() * 100),
        ...(kind === "failed" ? { code: pick(CODES) } : {}),
        target,
        callbackOf: random() < 0.15 ? 1 - target : target,
      };
    });
    // Cut into deliveries of 1–3 statuses; now and then one for a message nobody holds (it waits).
    const events: (Spec | "unknown")[][] = [];
    for (let i = 0; i < specs.length; ) {
      const size = 1 + Math.floor(random() * 3);
      const chunk: (Spec | "unknown")[] = specs.slice(i, i + size);
      if (random() < 0.2) chunk.push("unknown");
      events.push(chunk);
      i += size;
    }

    const one = await side(starts);
    const batch = await side(starts);
    const payloads = ({ number, targets }: Side) =>
      events.map((chunk) =>
        statusDelivery(
          number,
          chunk.map((spec) =>
            spec === "unknown"
              ? statusObject(`wamid.nobody.${uniqueSuffix()}`, { kind: "delivered", at: 1_749_416_500 }, null)
              : statusObject(targets[spec.target]!.wamid, spec, targets[spec.callbackOf]!.callback),
          ),
        ),
      );

    const oneByOne: EventOutcome[] = [];
    for (const payload of payloads(one)) oneByOne.push(await processWebhookEvent(await store(payload), noHooks));
    const ids: string[] = [];
    for (const payload of payloads(batch)) ids.push(await store(payload));
    const batched = await processWebhookEventBatch(ids, noHooks);

    const label = JSON.stringify({ starts, events });
    expect(batched.map(decided), label).toEqual(oneByOne.map(decided));
    expect(await endState(batch), label).toEqual(await endState(one));
    const rows = await prisma.webhookEvent.findMany({ where: { id: { in: ids } }, select: { id: true, processedAt: true, attempts: true } });
    for (const [i, outcome] of batched.entries()) {
      const row = rows.find((r) => r.id === ids[i])!;
      expect(row.processedAt !== null).toBe(outcome.result === "processed");
      expect(row.attempts).toBe(outcome.result === "deferred" ? 1 : 0);
    }
  });
});

describe("a batch", () => {
  let number: TestNumber;
  beforeEach(async () => {
    number = await createNumber("batch");
    published.calls.length = 0;
  });

  async function held(status: MessageStatus = "sent") {
    const wamid = `wamid.batch.${uniqueSuffix()}`;
    return { wamid, messageId: await createOutbound(number, wamid, status) };
  }

  const one = (wamid: string, kind: Kind, at = 1_749_416_410, code?: number) => store(statusDelivery(number, [statusObject(wamid, { kind, at, code }, null)]));

  it("with a poisoned event processes the others; the poisoned one fails alone, recorded", async () => {
    const message = sqlName("Message");
    const poison = sqlName("poison_status");
    // A database error only this event's status raises: a trigger refusing one error title.
    await prisma.$executeRaw`CREATE FUNCTION ${poison}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW."errorTitle" = 'poison' THEN RAISE EXCEPTION 'poisoned status'; END IF; RETURN NEW; END $$`;
    await prisma.$executeRaw`CREATE TRIGGER poison_status BEFORE UPDATE ON ${message} FOR EACH ROW EXECUTE FUNCTION ${poison}()`;
    try {
      const good = [await held(), await held(), await held()];
      const bad = await held();
      const badPayload = statusDelivery(number, [{ ...statusObject(bad.wamid, { kind: "failed", at: 1_749_416_405 }, null), errors: [{ code: 131047, title: "poison" }] }]);
      const ids = [await one(good[0]!.wamid, "delivered"), await store(badPayload), await one(good[1]!.wamid, "read"), await one(good[2]!.wamid, "delivered")];

      const outcomes = await processWebhookEventBatch(ids, noHooks);
      expect(outcomes.map((o) => o.result)).toEqual(["processed", "failed", "processed", "processed"]);
      expect(outcomes[1]!.error).toMatch(/poisoned status/);
      const statuses = await prisma.message.findMany({ where: { id: { in: [...good, bad].map((m) => m.messageId) } }, select: { id: true, status: true } });
      const statusOf = (id: string) => statuses.find((s) => s.id === id)?.status;
      expect([...good, bad].map((m) => statusOf(m.messageId))).toEqual(["delivered", "read", "delivered", "sent"]);
      expect(await prisma.webhookEvent.findUniqueOrThrow({ where: { id: ids[1]! } })).toMatchObject({
        processedAt: null,
        attempts: 1,
        error: expect.stringMatching(/^failed: .*poisoned status/),
      });
    } finally {
      await prisma.$executeRaw`DROP TRIGGER poison_status ON ${message}`;
      await prisma.$executeRaw`DROP FUNCTION ${poison}()`;
    }
  });

  it("decides each event's wait on its own: applied, waiting, waited long enough, out of attempts", async () => {
    const known = await held();
    const ids = [
      await one(known.wamid, "delivered"),
      await one(`wamid.nobody.${uniqueSuffix()}`, "delivered"),
      await one(`wamid.nobody.${uniqueSuffix()}`, "read"),
      await one(`wamid.nobody.${uniqueSuffix()}`, "sent"),
    ];
    await prisma.webhookEvent.update({ where: { id: ids[2]! }, data: { receivedAt: new Date(Date.now() - STATUS_WAIT_MS - 1_000) } });
    await prisma.webhookEvent.update({ where: { id: ids[3]! }, data: { attempts: MAX_ATTEMPTS - 1 } });

    const outcomes = await processWebhookEventBatch(ids, noHooks);
    expect(outcomes.map((o) => o.result)).toEqual(["processed", "deferred", "processed", "processed"]);
    const rows = await prisma.webhookEvent.findMany({ where: { id: { in: ids } } });
    const row = (i: number) => rows.find((r) => r.id === ids[i])!;
    expect(row(0)).toMatchObject({ attempts: 0, error: null });
    expect(row(0).processedAt).not.toBeNull();
    expect(row(1)).toMatchObject({ processedAt: null, attempts: 1, error: expect.stringMatching(/^waiting for 1 message\(s\) not stored yet: wamid\.nobody\./) });
    for (const i of [2, 3]) {
      expect(row(i).processedAt).not.toBeNull();
      expect(row(i).error).toMatch(/^statuses for messages we do not hold, ignored: wamid\.nobody\./);
    }
    expect(row(3).attempts).toBe(MAX_ATTEMPTS - 1);
  });

  it("run twice at once over the same events counts every status once", async () => {
    const campaign = await prisma.campaign.create({ data: { workspaceId: number.workspaceId, name: "storm", status: "sending", sentCount: 12, totalCount: 12 } });
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const contact = await prisma.contact.create({ data: { workspaceId: number.workspaceId, waId: `62811${uniqueSuffix()}` } });
      const message = await held();
      const recipient = await prisma.campaignRecipient.create({
        data: { workspaceId: number.workspaceId, campaignId: campaign.id, contactId: contact.id, status: "sent", wamid: message.wamid, sentAt: new Date() },
      });
      await prisma.message.update({ where: { id: message.messageId }, data: { campaignRecipientId: recipient.id } });
      const callback = `cr:${recipient.id}`;
      ids.push(await store(statusDelivery(number, [statusObject(message.wamid, { kind: "delivered", at: 1_749_416_410 }, callback)])));
      ids.push(await store(statusDelivery(number, [statusObject(message.wamid, { kind: "read", at: 1_749_416_470 }, callback)])));
    }
    const [a, b] = await Promise.all([processWebhookEventBatch(ids, noHooks), processWebhookEventBatch([...ids].reverse(), noHooks)]);
    const processed = (outcomes: EventOutcome[]) => outcomes.filter((o) => o.result === "processed").length;
    expect(processed(a) + processed(b)).toBe(ids.length);
    expect([...a, ...b].filter((o) => o.result === "failed")).toEqual([]);
    expect(await prisma.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).toMatchObject({ sentCount: 12, deliveredCount: 12, readCount: 12, failedCount: 0 });
    expect(await prisma.campaignRecipient.count({ where: { campaignId: campaign.id, status: "read" } })).toBe(12);
  });

  it("leaves events with more than statuses to the one-event path, and answers for every id in order", async () => {
    const known = await held();
    const inbound = await store(fixtureFor("text", number, uniqueSuffix()));
    const template = await store(fixtureFor("template-approved", number, uniqueSuffix()));
    const status = await one(known.wamid, "read");
    const done = await one(known.wamid, "delivered");
    await processWebhookEvent(done, noHooks);

    const outcomes = await processWebhookEventBatch([inbound, status, done, template, "no-such-event"], noHooks);
    expect(outcomes.map((o) => [o.eventId, o.result])).toEqual([
      [inbound, "processed"],
      [status, "processed"],
      [done, "not_claimed"],
      [template, "processed"],
      ["no-such-event", "not_claimed"],
    ]);
    expect(outcomes[0]!.inserted).toHaveLength(1);
    expect(await prisma.message.findUniqueOrThrow({ where: { id: known.messageId } })).toMatchObject({ status: "read" });
    expect(await prisma.webhookEvent.count({ where: { id: { in: [inbound, status, template] }, processedAt: null } })).toBe(0);
  });

  it("calls onBatchProcessed once with its events, in place of onProcessed for each", async () => {
    const known = await held();
    const ids = [await one(known.wamid, "delivered"), await one(`wamid.nobody.${uniqueSuffix()}`, "read")];
    const seen: string[][] = [];
    const onProcessed = vi.fn(async () => {});
    await processWebhookEventBatch(ids, { hooks: { onBatchProcessed: async (outcomes) => void seen.push(outcomes.map((o) => o.eventId)), onProcessed } });
    expect(seen).toEqual([ids]); // processed and deferred alike, as onProcessed sees both
    expect(onProcessed).not.toHaveBeenCalled();
  });

  it("publishes once per batch: one message.status per message moved, where it ended", async () => {
    const m1 = await held("pending");
    const m2 = await held("pending");
    const ids = [
      await store(statusDelivery(number, [statusObject(m1.wamid, { kind: "sent", at: 1_749_416_400 }, null), statusObject(m1.wamid, { kind: "delivered", at: 1_749_416_410 }, null)])),
      await one(m1.wamid, "read", 1_749_416_470),
      await one(m2.wamid, "delivered"),
      await one(m2.wamid, "delivered", 1_749_416_420),
    ];
    await processWebhookEventBatch(ids); // the default hooks
    expect(published.calls).toHaveLength(1);
    const signals = published.calls[0]!.map((m) => (m.name === "message.status" ? [m.name, m.payload.messageId, m.payload.status] : [m.name]));
    expect(signals).toEqual([
      ["message.status", m1.messageId, "read"],
      ["message.status", m2.messageId, "delivered"],
    ]);
  });
});
