/**
 * The pending-send sweep against the WhatsApp emulator (as Meta) and the local Pusher-protocol
 * server: a send left pending by a stopped server becomes "outcome unknown", the browsers hear it,
 * and it is resent only on confirmation; a send still in flight is never swept, and Meta's late
 * acceptance wins over the sweep's verdict.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type PusherClient from "pusher-js";
import type * as StorageModule from "@/lib/storage";
import type { Storage } from "@/lib/storage";

const realtime = await vi.hoisted(async () => (await import("@/local/realtime-server/test-support")).startForTests());
const at = vi.hoisted(() => ({ graphUrl: "", storage: undefined as Storage | undefined }));
vi.mock("@/lib/whatsapp/config", () => ({ graphApiBaseUrl: () => at.graphUrl, graphApiVersion: () => "v23.0" }));
vi.mock("@/lib/storage", async (importOriginal) => ({
  ...(await importOriginal<typeof StorageModule>()),
  getStorage: () => at.storage,
}));

const { prisma } = await import("@/lib/db");
const { workspaceChannel } = await import("@/lib/realtime/events");
const { client, nextEvent, serverSdk, signedBy } = await import("@/local/realtime-server/test-support");
const { connectedTenant, emulatorNumber, startEmulator } = await import("@/test/media/harness");
const { customerConversation, customerNumber, key } = await import("@/test/inbox/send-harness");
const { rejection } = await import("@/test/tenant-isolation/helpers");
const { OUTCOME_UNKNOWN } = await import("./deliver");
const { resolveStalePendingSends, STALE_PENDING_MS } = await import("./pending-sweep");
const { retryMessage } = await import("./retry-message");
const { sendMessage } = await import("./send-message");

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
type Tenant = Awaited<ReturnType<typeof connectedTenant>>;

const number = emulatorNumber("Sweep");
let emulator: Emulator;
let tenant: Tenant;
const clients: PusherClient[] = [];

beforeAll(async () => {
  emulator = await startEmulator([number]);
  at.graphUrl = emulator.url;
  tenant = await connectedTenant("P", number);
});
afterEach(() => {
  emulator.setFaults({ throughputPerSecond: 0 });
  for (const c of clients.splice(0)) c.disconnect();
});
afterAll(async () => {
  await emulator.stop();
  await realtime.server.stop();
});

const ctx = () => tenant.agent.ctx;
const open = () => customerConversation(tenant, emulator, { waId: customerNumber() });
const sentCount = () => emulator.sentMessages().length;

/** An outbound text row exactly as sendMessage writes it before calling Meta, last touched `ageMs` ago. */
async function strandedSend(conversationId: string, contactId: string, ageMs: number) {
  const touched = new Date(Date.now() - ageMs);
  return prisma.message.create({
    data: {
      workspaceId: tenant.workspace.id,
      conversationId,
      contactId,
      connectionId: tenant.connection.id,
      direction: "outbound",
      type: "text",
      content: { body: "Lost in the crash" },
      previewText: "Lost in the crash",
      status: "pending",
      authorId: tenant.agent.userId,
      idempotencyKey: key(),
      createdAt: touched,
      updatedAt: touched,
    },
  });
}

/** Waits until the send is in flight: its row pending (written before the Graph call, which the emulator holds 1.5 s). */
async function pendingRow(id: string | null, conversationId?: string) {
  const where = id ? { id, status: "pending" as const } : { conversationId, direction: "outbound" as const, status: "pending" as const };
  const deadline = Date.now() + 5_000;
  while ((await prisma.message.count({ where })) !== 1) {
    if (Date.now() > deadline) throw new Error("the send never went in flight");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function listen() {
  const c = client(realtime.server, signedBy(serverSdk(realtime.server, realtime.secret)));
  clients.push(c);
  const channel = c.subscribe(workspaceChannel(tenant.workspace.id));
  await nextEvent(channel, "pusher:subscription_succeeded");
  return channel;
}

describe("resolveStalePendingSends", () => {
  it("marks a send stranded by a stopped server as outcome-unknown, signals it, and resends only when confirmed", async () => {
    const c = await open();
    const stranded = await strandedSend(c.conversationId, c.contactId, STALE_PENDING_MS + 60_000);
    const channel = await listen();
    const signal = nextEvent<Record<string, unknown>>(channel, "message.status");

    expect(await resolveStalePendingSends()).toEqual({ resolved: 1 });

    expect(await signal).toMatchObject({ conversationId: c.conversationId, messageId: stranded.id, status: "failed" });
    const row = await prisma.message.findUniqueOrThrow({ where: { id: stranded.id } });
    expect(row).toMatchObject({ status: "failed", errorTitle: OUTCOME_UNKNOWN, errorCode: null, wamid: null });
    expect(row.failedAt).toBeInstanceOf(Date);
    // Resolved once: a second sweep finds nothing.
    expect(await resolveStalePendingSends()).toEqual({ resolved: 0 });

    const before = sentCount();
    expect((await rejection(retryMessage(ctx(), stranded.id))).messageKey).toBe("messageOutcomeUnknown");
    expect(sentCount()).toBe(before);
    const resent = await retryMessage(ctx(), stranded.id, { confirmDuplicate: true });
    expect(resent).toMatchObject({ id: stranded.id, status: "sent" });
    expect(sentCount()).toBe(before + 1);
  });

  it("leaves young pending sends, inbound messages and answered sends alone", async () => {
    const c = await open();
    const young = await strandedSend(c.conversationId, c.contactId, 10_000);
    const old = await strandedSend(c.conversationId, c.contactId, STALE_PENDING_MS + 60_000);
    await prisma.message.update({ where: { id: old.id }, data: { status: "sent", wamid: `wamid.sweep-${key()}`, updatedAt: old.updatedAt } });

    expect(await resolveStalePendingSends()).toEqual({ resolved: 0 });
    expect((await prisma.message.findUniqueOrThrow({ where: { id: young.id } })).status).toBe("pending");
    expect((await prisma.message.findUniqueOrThrow({ where: { id: old.id } })).status).toBe("sent");
    expect((await prisma.message.findUniqueOrThrow({ where: { id: c.inboundId } })).status).toBe("received");
  });

  it("never sweeps a retry of an old message while it is in flight (age counts from the retry's claim)", async () => {
    const c = await open();
    const old = await strandedSend(c.conversationId, c.contactId, 60 * 60_000);
    await prisma.message.update({
      where: { id: old.id },
      data: { status: "failed", errorCode: 130429, errorTitle: "Rate limit hit", failedAt: new Date(), updatedAt: old.updatedAt },
    });
    emulator.setFaults({ throughputPerSecond: 0, slowMs: 1_500 });
    const retry = retryMessage(ctx(), old.id, { timeoutMs: 10_000 });
    await pendingRow(old.id);

    expect(await resolveStalePendingSends()).toEqual({ resolved: 0 });
    expect(await retry).toMatchObject({ id: old.id, status: "sent" });
  });

  it("records Meta's late acceptance over a sweep that judged the attempt lost", async () => {
    const c = await open();
    emulator.setFaults({ throughputPerSecond: 0, slowMs: 1_500 });
    const sending = sendMessage(ctx(), { conversationId: c.conversationId, idempotencyKey: key(), content: { type: "text", body: "Slow but sure" } }, { timeoutMs: 10_000 });
    await pendingRow(null, c.conversationId);

    // A sweep with no grace at all: the in-flight row is judged lost…
    const inFlight = { conversationId: c.conversationId, direction: "outbound" as const };
    expect((await resolveStalePendingSends({ olderThanMs: 0 })).resolved).toBeGreaterThanOrEqual(1);
    expect(await prisma.message.findFirstOrThrow({ where: inFlight })).toMatchObject({ status: "failed", errorTitle: OUTCOME_UNKNOWN });
    // …and Meta's answer, arriving after, is what the row ends up saying.
    const sent = await sending;
    expect(sent).toMatchObject({ status: "sent", errorTitle: null });
    const row = await prisma.message.findUniqueOrThrow({ where: { id: sent.id } });
    expect(row).toMatchObject({ status: "sent", errorTitle: null, errorDetails: null, failedAt: null });
    expect(row.wamid).toMatch(/^wamid\./);
  });
});
