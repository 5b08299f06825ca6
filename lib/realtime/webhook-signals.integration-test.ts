/**
 * A signed webhook, processed as the route's `after()` and the sweep do, reaches the browsers: a
 * pusher-js client subscribed to the workspace channel (on the local Pusher-protocol server)
 * receives the signals of what the event changed — and a client of another workspace nothing.
 */
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import type PusherClient from "pusher-js";

const realtime = await vi.hoisted(async () => {
  process.env.META_APP_SECRET = "test-platform-app-secret";
  return (await import("@/local/realtime-server/test-support")).startForTests();
});

const { prisma } = await import("@/lib/db");
const { createNumber, createOutbound, deliver, fixtureFor, redelivery, tagged, FIXTURE_OUTBOUND_WAMID } = await import("@/test/webhooks/helpers");
const { uniqueSuffix } = await import("@/test/webhooks/unique");
const { realtimeEventSchemas, workspaceChannel } = await import("@/lib/realtime/events");
const { messageFromWire, rowFromWire } = await import("@/lib/realtime/wire");
const { client, nextEvent, serverSdk, signedBy } = await import("@/local/realtime-server/test-support");

const clients: PusherClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.disconnect();
});
afterAll(async () => {
  await realtime.server.stop();
});

/** A pusher-js client on the workspace's channel, with every event it receives recorded. */
async function listen(workspaceId: string) {
  const c = client(realtime.server, signedBy(serverSdk(realtime.server, realtime.secret)));
  clients.push(c);
  const channel = c.subscribe(workspaceChannel(workspaceId));
  const events: { name: string; data: Record<string, unknown> }[] = [];
  channel.bind_global((name: string, data: Record<string, unknown>) => {
    if (!name.startsWith("pusher")) events.push({ name, data });
  });
  await nextEvent(channel, "pusher:subscription_succeeded");
  return { channel, events };
}

const waitUntil = async (check: () => boolean) => {
  const deadline = Date.now() + 10_000;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe("webhook → real-time", () => {
  it("an inbound message: message.created and conversation.updated on its workspace's channel only", async () => {
    const number = await createNumber("live");
    const other = await createNumber("other");
    const mine = await listen(number.workspaceId);
    const theirs = await listen(other.workspaceId);
    // The file's first delivery loads the whole webhook pipeline: slow on a busy machine.
    const created = nextEvent<Record<string, unknown>>(mine.channel, "message.created", 15_000);

    const outcome = await deliver(fixtureFor("text", number, uniqueSuffix()));
    expect(outcome.inserted).toHaveLength(1);
    const [inserted] = outcome.inserted;

    const signal = await created;
    expect(signal).toMatchObject({ conversationId: inserted!.conversationId, messageId: inserted!.messageId, direction: "inbound" });
    // It carries the bubble and the list row, exactly as the page's reads give them.
    const parsed = realtimeEventSchemas["message.created"].parse(signal);
    const stored = await prisma.message.findUniqueOrThrow({ where: { id: inserted!.messageId } });
    const conversation = await prisma.conversation.findUniqueOrThrow({ where: { id: inserted!.conversationId } });
    expect(parsed.message && messageFromWire(parsed.message)).toMatchObject({
      id: stored.id,
      direction: "inbound",
      type: stored.type,
      previewText: stored.previewText,
      status: "received",
      timestamp: stored.timestamp,
    });
    expect(parsed.row && rowFromWire(parsed.row)).toMatchObject({
      id: conversation.id,
      lastMessagePreview: conversation.lastMessagePreview,
      lastMessageAt: conversation.lastMessageAt,
      unreadCount: conversation.unreadCount,
    });
    await waitUntil(() => mine.events.length >= 2);
    expect(mine.events.map((e) => e.name).sort()).toEqual(["conversation.updated", "message.created"]);
    expect(mine.events.find((e) => e.name === "conversation.updated")!.data).toMatchObject({
      conversationId: inserted!.conversationId,
      changes: ["activity", "unread"],
      row: { id: inserted!.conversationId, unreadCount: conversation.unreadCount },
    });
    expect(theirs.events).toEqual([]);
  });

  it("a redelivery publishes nothing new", async () => {
    const number = await createNumber("redelivered");
    const payload = fixtureFor("text", number, uniqueSuffix());
    await deliver(payload);
    const { events } = await listen(number.workspaceId);
    const again = await deliver(redelivery(payload, 1)); // the same message in another delivery's bytes
    expect(again.duplicates).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(events).toEqual([]);
  });

  it("a status moving a message forward: message.status with its conversation", async () => {
    const number = await createNumber("ticks");
    const tag = uniqueSuffix();
    const messageId = await createOutbound(number, tagged(FIXTURE_OUTBOUND_WAMID, tag), "sent");
    const { conversationId } = await prisma.message.findUniqueOrThrow({ where: { id: messageId }, select: { conversationId: true } });
    const { channel } = await listen(number.workspaceId);
    const status = nextEvent<Record<string, unknown>>(channel, "message.status", 15_000);
    await deliver(fixtureFor("status-delivered", number, tag));
    expect(await status).toMatchObject({ conversationId, messageId, status: "delivered", message: { id: messageId, status: "delivered" } });
  });

  it("a template's review: template.updated with its id and status", async () => {
    const number = await createNumber("review");
    const template = await prisma.template.create({
      data: { workspaceId: number.workspaceId, name: "order_confirmation", language: "en_US", category: "UTILITY", status: "PENDING", components: [], metaId: "1689556908129832" },
    });
    const { channel } = await listen(number.workspaceId);
    const updated = nextEvent<Record<string, unknown>>(channel, "template.updated", 15_000);
    await deliver(fixtureFor("template-approved", number, uniqueSuffix()));
    expect(await updated).toMatchObject({ templateId: template.id, status: "APPROVED" });
  });
});
