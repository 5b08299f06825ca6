/**
 * Statuses of our outbound messages (invariant 3): forward only, whatever the order or number of
 * deliveries; `failed` with Meta's error; statuses that arrive before our message is stored.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import type { MessageStatus } from "@/lib/generated/prisma/enums";
import type { AppliedStatus } from "@/lib/services/webhooks/outcome";
import { processWebhookEvent, STATUS_WAIT_MS } from "@/lib/services/webhooks/process-event";
import { processPendingWebhookEvents } from "@/lib/services/webhooks/recover";
import {
  createNumber,
  createOutbound,
  deliver,
  redelivery,
  FIXTURE_OUTBOUND_WAMID,
  fixtureFor,
  store,
  tagged,
  type Payload,
  type TestNumber,
} from "@/test/webhooks/helpers";
import { uniqueSuffix } from "@/test/webhooks/unique";

vi.hoisted(() => {
  process.env.META_APP_SECRET = "test-platform-app-secret";
});

const at = (seconds: number) => new Date(seconds * 1000);
const TIMES = { sent: at(1749416400), delivered: at(1749416410), read: at(1749416470), played: at(1749416480), failed: at(1749416405) };

let number: TestNumber;
let tag: string;
let wamid: string;
beforeEach(async () => {
  number = await createNumber("statuses");
  tag = uniqueSuffix();
  wamid = tagged(FIXTURE_OUTBOUND_WAMID, tag);
});

type Kind = "sent" | "delivered" | "read" | "played" | "failed";
// copy > 0: the same status again in another delivery's bytes (an identical body is never stored twice).
const status = (kind: Kind, copy = 0) =>
  deliver(copy ? redelivery(fixtureFor(`status-${kind}`, number, tag), copy) : fixtureFor(`status-${kind}`, number, tag));
const message = () => prisma.message.findUniqueOrThrow({ where: { wamid } });

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

describe("each status", () => {
  it.each([
    ["sent", "sent", { sentAt: TIMES.sent }],
    ["delivered", "delivered", { deliveredAt: TIMES.delivered }],
    ["read", "read", { readAt: TIMES.read }],
    ["played", "read", { readAt: TIMES.played }],
  ] as const)("%s → %s, with its timestamp", async (kind, expected, stamps) => {
    await createOutbound(number, wamid, "pending");
    const outcome = await status(kind);
    expect(outcome.result).toBe("processed");
    expect(await message()).toMatchObject({ status: expected, ...stamps, errorCode: null });
    expect(outcome.statuses).toEqual([
      expect.objectContaining({ wamid, previousStatus: "pending", currentStatus: expected, changed: true }),
    ]);
  });

  it("failed records Meta's error code, title and details", async () => {
    await createOutbound(number, wamid, "sent");
    await status("failed");
    expect(await message()).toMatchObject({
      status: "failed",
      failedAt: TIMES.failed,
      errorCode: 131047,
      errorTitle: "Re-engagement message",
      errorDetails: expect.stringContaining("more than 24 hours have passed"),
    });
  });

  it("hands pricing, conversation and biz_opaque_callback_data on (return value and onStatus hook)", async () => {
    await createOutbound(number, wamid, "pending");
    const seen: AppliedStatus[] = [];
    const outcome = await deliver(fixtureFor("status-sent", number, tag), {
      hooks: {
        onStatus: async (tx, applied) => {
          seen.push(applied);
          expect(await tx.message.count({ where: { wamid, status: "sent" } })).toBe(1); // inside the same transaction
        },
      },
    });
    const expected = {
      bizOpaqueCallbackData: "campaign:cmp_42:recipient:rcp_7",
      pricing: { billable: true, pricing_model: "PMP", type: "regular", category: "marketing" },
      conversation: expect.objectContaining({ origin: { type: "marketing" } }),
      recipientId: "16505551234",
      workspaceId: number.workspaceId,
    };
    expect(seen).toEqual([expect.objectContaining(expected)]);
    expect(outcome.statuses).toEqual([expect.objectContaining(expected)]);
  });
});

describe("order and repetition", () => {
  it.each(permutations<Kind>(["sent", "delivered", "read"]).map((p) => [p.join(" → "), p]))(
    "%s ends read, each timestamp its own",
    async (_label, order) => {
      await createOutbound(number, wamid, "pending");
      for (const kind of order) await status(kind);
      expect(await message()).toMatchObject({ status: "read", sentAt: TIMES.sent, deliveredAt: TIMES.delivered, readAt: TIMES.read });
    },
  );

  it.each([
    [["sent", "failed"], "failed", 131047],
    [["failed", "sent"], "failed", 131047],
    [["failed", "delivered"], "delivered", 131047],
    [["delivered", "failed"], "delivered", null],
    [["read", "failed"], "read", null],
    [["read", "failed", "delivered", "sent"], "read", null],
  ] as [Kind[], MessageStatus, number | null][])("%j ends %s", async (order, expected, errorCode) => {
    await createOutbound(number, wamid, "pending");
    for (const kind of order) await status(kind);
    const row = await message();
    expect(row).toMatchObject({ status: expected, errorCode });
    expect(row.failedAt).toEqual(errorCode ? TIMES.failed : null);
  });

  it("a late delivered after read fills deliveredAt and changes nothing else", async () => {
    await createOutbound(number, wamid, "pending");
    await status("read");
    const outcome = await status("delivered");
    expect(outcome.statuses[0]).toMatchObject({ previousStatus: "read", currentStatus: "read", changed: false });
    expect(await message()).toMatchObject({ status: "read", readAt: TIMES.read, deliveredAt: TIMES.delivered, sentAt: null });
  });

  it("every status delivered three more times leaves the same row", async () => {
    await createOutbound(number, wamid, "pending");
    for (const kind of ["sent", "delivered", "read"] as const) await status(kind);
    const first = await message();
    for (let round = 1; round <= 3; round++) for (const kind of ["read", "sent", "delivered"] as const) await status(kind, round);
    const { updatedAt: _a, ...now } = await message();
    const { updatedAt: _b, ...before } = first;
    expect(now).toEqual(before);
  });

  it("concurrent deliveries of delivered and read end read", async () => {
    await createOutbound(number, wamid, "sent");
    await Promise.all([status("delivered"), status("read"), status("delivered", 1)]);
    expect(await message()).toMatchObject({ status: "read", deliveredAt: TIMES.delivered, readAt: TIMES.read });
  });

  it("a batch carrying several statuses of one message applies them all", async () => {
    await createOutbound(number, wamid, "pending");
    const payload = fixtureFor("status-read", number, tag);
    const value = ((payload.entry as Payload[])[0]!.changes as Payload[])[0]!.value as Payload;
    const [read] = value.statuses as Payload[];
    value.statuses = [
      read,
      { ...read, status: "sent", timestamp: "1749416400" },
      { ...read, status: "delivered", timestamp: "1749416410" },
    ];
    await deliver(payload);
    expect(await message()).toMatchObject({ status: "read", sentAt: TIMES.sent, deliveredAt: TIMES.delivered, readAt: TIMES.read });
  });
});

describe("statuses of messages we do not hold", () => {
  it("never touch an inbound message with that wamid", async () => {
    const payload = fixtureFor("text", number, tag);
    await deliver(payload);
    const inbound = await prisma.message.findFirstOrThrow({ where: { workspaceId: number.workspaceId } });
    const statusPayload = fixtureFor("status-read", number, tag);
    (((statusPayload.entry as Payload[])[0]!.changes as Payload[])[0]!.value as Payload).statuses = [
      { id: inbound.wamid, status: "read", timestamp: "1749416470", recipient_id: "16505551234" },
    ];
    await deliver(statusPayload);
    expect(await prisma.message.findUniqueOrThrow({ where: { id: inbound.id } })).toMatchObject({ status: "received", readAt: null });
  });

  it("keep the event waiting (not failed) until our message is stored, then apply", async () => {
    const outcome = await status("delivered");
    expect(outcome).toMatchObject({ result: "deferred", waitingFor: [wamid] });
    const waiting = await prisma.webhookEvent.findUniqueOrThrow({ where: { id: outcome.eventId } });
    expect(waiting).toMatchObject({ processedAt: null, attempts: 1, error: expect.stringMatching(/^waiting for 1 message/) });

    // Our send's wamid lands after Meta's status (the race between the Graph response and our write).
    await createOutbound(number, wamid, "sent");
    const sweep = await processPendingWebhookEvents({ olderThanMs: 0 });
    expect(sweep).toMatchObject({ processed: 1, failed: 0 });
    expect(await message()).toMatchObject({ status: "delivered", deliveredAt: TIMES.delivered });
    expect(await prisma.webhookEvent.findUniqueOrThrow({ where: { id: outcome.eventId } })).toMatchObject({ error: null });
    expect((await prisma.webhookEvent.findUniqueOrThrow({ where: { id: outcome.eventId } })).processedAt).not.toBeNull();
  });

  it("stop waiting after STATUS_WAIT_MS: processed, with a note", async () => {
    const eventId = await store(fixtureFor("status-read", number, tag));
    const later = () => new Date(Date.now() + STATUS_WAIT_MS + 1_000);
    const outcome = await processWebhookEvent(eventId, { now: later });
    expect(outcome.result).toBe("processed");
    const event = await prisma.webhookEvent.findUniqueOrThrow({ where: { id: eventId } });
    expect(event.processedAt).not.toBeNull();
    expect(event.error).toMatch(/statuses for messages we do not hold, ignored: wamid\./);
  });

  it("are not waited for when a hook recognises them (a campaign recipient's wamid)", async () => {
    const outcome = await deliver(fixtureFor("status-sent", number, tag), {
      hooks: { onStatus: async (_tx, applied) => applied.bizOpaqueCallbackData?.startsWith("campaign:") === true },
    });
    expect(outcome).toMatchObject({ result: "processed", waitingFor: [], statuses: [expect.objectContaining({ messageId: null })] });
  });

  it("an unknown status value is noted and ignored", async () => {
    await createOutbound(number, wamid, "sent");
    const payload = fixtureFor("status-read", number, tag);
    ((((payload.entry as Payload[])[0]!.changes as Payload[])[0]!.value as Payload).statuses as Payload[])[0]!.status = "deleted";
    const outcome = await deliver(payload);
    expect(outcome.result).toBe("processed");
    expect(outcome.notes).toEqual([expect.stringMatching(/status "deleted" not handled/)]);
    expect((await message()).status).toBe("sent");
  });
});
