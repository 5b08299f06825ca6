/**
 * publish.ts never fails its caller: without configuration it does nothing, against an unreachable
 * or mis-keyed server it logs and resolves, a payload failing the contract is dropped while the
 * rest go out, and many events go out in batches of Pusher's size. Against the local server with
 * the real pusher-js as the receiver.
 */
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import type PusherClient from "pusher-js";

const realtime = await vi.hoisted(async () => (await import("@/local/realtime-server/test-support")).startForTests());
const configured = { ...process.env };

const { client, nextEvent, serverSdk, signedBy, waitFor } = await import("@/local/realtime-server/test-support");
const { workspaceChannel } = await import("@/lib/realtime/events");

const clients: PusherClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.disconnect();
  Object.assign(process.env, configured);
});
afterAll(async () => {
  await realtime.server.stop();
});

/** lib/env reads the environment once: a fresh module graph sees the changed one. */
async function freshPublish(env: Record<string, string | undefined>) {
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  vi.resetModules();
  return import("./publish");
}

async function listen(workspaceId: string) {
  const c = client(realtime.server, signedBy(serverSdk(realtime.server, realtime.secret)));
  clients.push(c);
  const channel = c.subscribe(workspaceChannel(workspaceId));
  const received: { name: string; data: { messageId?: string } }[] = [];
  channel.bind_global((name: string, data: { messageId?: string }) => {
    if (!name.startsWith("pusher")) received.push({ name, data });
  });
  await nextEvent(channel, "pusher:subscription_succeeded");
  return received;
}

const at = new Date().toISOString();
const created = (i: number) => ({ conversationId: "c1", messageId: `m${i}`, direction: "inbound" as const, at });

describe("publish", () => {
  it("is a no-op without configuration", async () => {
    const { publishToWorkspace, publishToUser } = await freshPublish({ PUSHER_KEY: undefined, PUSHER_HOST: undefined, PUSHER_CLUSTER: undefined });
    await expect(publishToWorkspace("w", "message.created", created(1))).resolves.toBeUndefined();
    await expect(publishToUser("u", "user.notification", { kind: "conversation.assigned", workspaceId: "w", at })).resolves.toBeUndefined();
  });

  it("resolves when the server is unreachable or refuses the signature", async () => {
    const down = await freshPublish({ PUSHER_PORT: "1" });
    await expect(down.publishToWorkspace("w", "message.created", created(1))).resolves.toBeUndefined();
    const wrongSecret = await freshPublish({ PUSHER_SECRET: "not-the-secret" });
    const received = await listen("w-refused");
    await expect(wrongSecret.publishToWorkspace("w-refused", "message.created", created(1))).resolves.toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received).toEqual([]);
  });

  it("drops a payload failing the contract and still sends the others", async () => {
    const { publishMany, toWorkspace } = await freshPublish({});
    const received = await listen("w-mixed");
    const bad = { ...created(2), direction: "sideways" } as unknown as ReturnType<typeof created>;
    await publishMany([toWorkspace("w-mixed", "message.created", created(1)), toWorkspace("w-mixed", "message.created", bad), toWorkspace("w-mixed", "message.created", created(3))]);
    await waitFor(() => received.length === 2, "the two valid events");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received.map((r) => r.data.messageId)).toEqual(["m1", "m3"]);
  });

  it("sends 25 events in batches of 10, all delivered", async () => {
    const { publishMany, toWorkspace } = await freshPublish({});
    const received = await listen("w-many");
    await publishMany(Array.from({ length: 25 }, (_, i) => toWorkspace("w-many", "message.created", created(i))));
    await waitFor(() => received.length === 25, "25 events");
    expect(new Set(received.map((r) => r.data.messageId)).size).toBe(25);
  });
});
