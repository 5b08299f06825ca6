/**
 * Invariant 2's second half: an event stored but not processed — a crash midway, or after the 200
 * before `after()` ran — is processed by the sweep, exactly once, with backoff for repeat failures.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import type * as Conversation from "@/lib/services/webhooks/inbound/conversation";
import { bumpConversation } from "@/lib/services/webhooks/inbound/conversation";
import { MAX_ATTEMPTS, processWebhookEvent } from "@/lib/services/webhooks/process-event";
import { processPendingWebhookEvents } from "@/lib/services/webhooks/recover";
import { createNumber, createOutbound, FIXTURE_OUTBOUND_WAMID, fixtureFor, store, tagged, type TestNumber } from "@/test/webhooks/helpers";
import { uniqueSuffix } from "@/test/webhooks/unique";

vi.hoisted(() => {
  process.env.META_APP_SECRET = "test-platform-app-secret";
});

vi.mock("@/lib/services/webhooks/inbound/conversation", async (importOriginal) => {
  const actual = await importOriginal<typeof Conversation>();
  return { ...actual, bumpConversation: vi.fn(actual.bumpConversation) };
});

let number: TestNumber;
beforeEach(async () => {
  number = await createNumber("recovery");
  // Earlier tests' leftovers must not be swept into this test's counts.
  await prisma.webhookEvent.updateMany({ where: { processedAt: null }, data: { processedAt: new Date(), error: "test cleanup" } });
});

const crash = () => {
  throw new Error("simulated crash midway");
};

async function rowsOf(workspaceId: string) {
  return {
    contacts: await prisma.contact.count({ where: { workspaceId } }),
    conversations: await prisma.conversation.count({ where: { workspaceId } }),
    messages: await prisma.message.count({ where: { workspaceId } }),
    media: await prisma.media.count({ where: { workspaceId } }),
  };
}

async function age(eventId: string, ms: number, attempts?: number) {
  await prisma.webhookEvent.update({
    where: { id: eventId },
    data: { receivedAt: new Date(Date.now() - ms), ...(attempts === undefined ? {} : { attempts }) },
  });
}

describe("a crash midway through processing", () => {
  it("rolls the whole event back, records the failure, and the sweep completes it once", async () => {
    const tag = uniqueSuffix();
    const outbound = await createOutbound(number, tagged(FIXTURE_OUTBOUND_WAMID, tag), "pending");
    const eventId = await store(fixtureFor("batch-multi", number, tag));
    vi.mocked(bumpConversation).mockImplementationOnce(async () => crash());

    const failed = await processWebhookEvent(eventId);
    expect(failed).toMatchObject({ result: "failed", error: "simulated crash midway" });
    expect(await prisma.webhookEvent.findUniqueOrThrow({ where: { id: eventId } })).toMatchObject({
      processedAt: null,
      attempts: 1,
      error: "failed: simulated crash midway",
    });
    // The first message was inserted before the crash: rolled back with everything else.
    expect(await rowsOf(number.workspaceId)).toEqual({ contacts: 1, conversations: 1, messages: 1, media: 0 }); // just our outbound one
    expect(await prisma.message.findUniqueOrThrow({ where: { id: outbound } })).toMatchObject({ status: "pending" });

    expect(await processPendingWebhookEvents({ olderThanMs: 0 })).toMatchObject({ due: 1, processed: 1, failed: 0 });
    const event = await prisma.webhookEvent.findUniqueOrThrow({ where: { id: eventId } });
    expect(event.processedAt).not.toBeNull();
    expect(event.attempts).toBe(1);
    expect(await rowsOf(number.workspaceId)).toEqual({ contacts: 2, conversations: 2, messages: 5, media: 1 });
    expect(await prisma.message.findUniqueOrThrow({ where: { id: outbound } })).toMatchObject({ status: "delivered" });

    expect(await processPendingWebhookEvents({ olderThanMs: 0 })).toMatchObject({ due: 0 });
    expect(await processWebhookEvent(eventId)).toMatchObject({ result: "not_claimed" });
    expect(await rowsOf(number.workspaceId)).toEqual({ contacts: 2, conversations: 2, messages: 5, media: 1 });
  });

  it("retries a conflict with a concurrent transaction at once, without counting a failure", async () => {
    const eventId = await store(fixtureFor("text", number, uniqueSuffix()));
    vi.mocked(bumpConversation).mockImplementationOnce(async () => {
      throw Object.assign(new Error("Unique constraint failed"), { code: "P2002" });
    });
    expect(await processWebhookEvent(eventId)).toMatchObject({ result: "processed" });
    expect(await prisma.webhookEvent.findUniqueOrThrow({ where: { id: eventId } })).toMatchObject({ attempts: 0, error: null });
    expect((await rowsOf(number.workspaceId)).messages).toBe(1);
  });
});

describe("the sweep", () => {
  it("picks up an event whose after() never ran, once it is older than olderThanMs", async () => {
    const eventId = await store(fixtureFor("text", number, uniqueSuffix()));
    expect(await processPendingWebhookEvents()).toMatchObject({ due: 0 }); // young: still the request's own job
    await age(eventId, 31_000);
    expect(await processPendingWebhookEvents()).toMatchObject({ due: 1, processed: 1 });
    expect((await rowsOf(number.workspaceId)).messages).toBe(1);
  });

  it("backs off exponentially with attempts and gives up after MAX_ATTEMPTS", async () => {
    const eventId = await store(fixtureFor("text", number, uniqueSuffix()));
    await age(eventId, 60_000, 3); // due 30 s × 2³ = 4 min after receipt
    expect(await processPendingWebhookEvents()).toMatchObject({ due: 0 });
    await age(eventId, 5 * 60_000, 3);
    expect(await processPendingWebhookEvents()).toMatchObject({ due: 1, processed: 1 });

    const stuck = await store(fixtureFor("image", number, uniqueSuffix()));
    await age(stuck, 365 * 24 * 3600_000, MAX_ATTEMPTS);
    expect(await processPendingWebhookEvents({ olderThanMs: 0 })).toMatchObject({ due: 0 });
  });

  it("keeps failing events failing (attempts + 1 each time) while the others go through", async () => {
    const bad = await store(fixtureFor("text", number, uniqueSuffix()));
    const good = await store(fixtureFor("image", number, uniqueSuffix()));
    await age(bad, 120_000);
    await age(good, 60_000);
    vi.mocked(bumpConversation).mockImplementationOnce(async () => crash());
    expect(await processPendingWebhookEvents({ olderThanMs: 0 })).toMatchObject({ due: 2, processed: 1, failed: 1 });
    vi.mocked(bumpConversation).mockImplementationOnce(async () => crash());
    expect(await processPendingWebhookEvents({ olderThanMs: 0 })).toMatchObject({ due: 1, failed: 1 });
    expect(await prisma.webhookEvent.findUniqueOrThrow({ where: { id: bad } })).toMatchObject({ attempts: 2, processedAt: null });
    expect(await processPendingWebhookEvents({ olderThanMs: 0 })).toMatchObject({ due: 1, processed: 1 });
    expect(await rowsOf(number.workspaceId)).toMatchObject({ messages: 2, contacts: 1, conversations: 1 });
  });

  it("two sweepers at once never process an event twice", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push(await store(fixtureFor(i % 2 ? "text" : "image", number, uniqueSuffix())));
    const [a, b] = await Promise.all([processPendingWebhookEvents({ olderThanMs: 0 }), processPendingWebhookEvents({ olderThanMs: 0 })]);
    expect(a.processed + b.processed).toBe(8);
    expect(a.failed + b.failed).toBe(0);
    expect(await rowsOf(number.workspaceId)).toMatchObject({ messages: 8, media: 4, contacts: 1, conversations: 1 });
    expect(await prisma.webhookEvent.count({ where: { id: { in: ids }, processedAt: null } })).toBe(0);
  });
});
