/**
 * The browser's real-time hub with the real pusher-js (its Node build) against the local server:
 * events reach handlers by name with their typed payload, payloads failing the contract are
 * dropped, the status follows the connection, and a lost connection ends with a catch-up call.
 */
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startRealtimeServer, type RealtimeServer } from "@/local/realtime-server";
import type { ChannelAuthorizationHandler } from "pusher-js";
import { serverSdk, signedBy, userSignedBy, waitFor } from "@/local/realtime-server/test-support";
import { userChannel, workspaceChannel } from "@/lib/realtime/events";
import { RealtimeHub } from "./realtime-hub";

const secret = randomBytes(16).toString("hex");
let server: RealtimeServer;
const hubs: RealtimeHub[] = [];

beforeAll(async () => {
  server = await startRealtimeServer({ port: 0, secret });
});
afterEach(() => {
  for (const hub of hubs.splice(0)) hub.stop();
});
afterAll(async () => {
  await server.stop();
});

async function startedHub(
  workspaceId: string,
  userId: string,
  beforeStart?: (hub: RealtimeHub) => void,
  auth: { authorize?: ChannelAuthorizationHandler; authEndpoint?: string } = { authorize: signedBy(serverSdk(server, secret)) },
): Promise<RealtimeHub> {
  const hub = new RealtimeHub({
    config: { key: server.key, cluster: "local", wsHost: server.host, wsPort: server.port, forceTLS: false },
    workspaceId,
    userId,
    ...auth,
    authenticateUser: userSignedBy(serverSdk(server, secret), userId),
    enabledTransports: ["ws"],
  });
  hubs.push(hub);
  beforeStart?.(hub);
  hub.start();
  await waitFor(() => server.subscriptionCount(workspaceChannel(workspaceId)) >= 1 && server.subscriptionCount(userChannel(userId)) === 1, "subscriptions");
  return hub;
}

const at = new Date().toISOString();

describe("RealtimeHub", () => {
  it("hands each handler the events of its name from the workspace and user channels", async () => {
    const hub = await startedHub("w1", "u1");
    expect(hub.status()).toBe("connected");
    const created: string[] = [];
    const notified: string[] = [];
    hub.on("message.created", (e) => created.push(e.messageId));
    hub.on("user.notification", (e) => notified.push(e.kind));
    const sdk = serverSdk(server, secret);
    await sdk.trigger(workspaceChannel("w1"), "message.created", { conversationId: "c1", messageId: "m1", direction: "inbound", at });
    await sdk.trigger(userChannel("u1"), "user.notification", { kind: "conversation.assigned", workspaceId: "w1", conversationId: "c1", at });
    await waitFor(() => created.length === 1 && notified.length === 1, "both events");
    expect(created).toEqual(["m1"]);
    expect(notified).toEqual(["conversation.assigned"]);
  });

  it("drops payloads that fail the event contract, and events it does not know", async () => {
    const hub = await startedHub("w2", "u2");
    const seen: unknown[] = [];
    hub.on("message.created", (e) => seen.push(e));
    const sdk = serverSdk(server, secret);
    await sdk.trigger(workspaceChannel("w2"), "message.created", { conversationId: "c1" });
    await sdk.trigger(workspaceChannel("w2"), "something.else", { conversationId: "c1" });
    await sdk.trigger(workspaceChannel("w2"), "message.created", { conversationId: "c2", messageId: "m2", direction: "outbound", at });
    await waitFor(() => seen.length === 1, "the valid event");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).toEqual([{ conversationId: "c2", messageId: "m2", direction: "outbound", at }]);
  });

  it("an unsubscribed handler hears nothing more", async () => {
    const hub = await startedHub("w3", "u3");
    const seen: string[] = [];
    const off = hub.on("contact.updated", (e) => seen.push(e.contactId));
    const sdk = serverSdk(server, secret);
    await sdk.trigger(workspaceChannel("w3"), "contact.updated", { contactId: "k1", at });
    await waitFor(() => seen.length === 1, "the first event");
    off();
    await sdk.trigger(workspaceChannel("w3"), "contact.updated", { contactId: "k2", at });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen).toEqual(["k1"]);
  });

  it("after a lost connection: status leaves connected, comes back, and catch-up runs once", async () => {
    const hub = await startedHub("w4", "u4");
    await new Promise((resolve) => setTimeout(resolve, 1_200)); // past the first subscription's catch-up
    const statuses: string[] = [];
    hub.onStatus(() => statuses.push(hub.status()));
    let catchUps = 0;
    hub.onCatchUp(() => (catchUps += 1));

    server.dropConnections();
    // pusher-js may reconnect within milliseconds: look at every status it went through, not the current one.
    await waitFor(() => statuses.some((s) => s !== "connected"), "the drop noticed", 10_000);
    await waitFor(() => hub.status() === "connected" && server.subscriptionCount(workspaceChannel("w4")) === 1, "reconnected", 15_000);
    await waitFor(() => catchUps === 1, "the catch-up", 5_000);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(catchUps).toBe(1);
    expect(statuses.at(-1)).toBe("connected");
  }, 30_000);

  it("catches up once after the first subscription (what was published while the page loaded)", async () => {
    let catchUps = 0;
    const hub = await startedHub("w5", "u5", (h) => h.onCatchUp(() => (catchUps += 1)));
    await waitFor(() => catchUps === 1, "the first catch-up", 5_000);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(catchUps).toBe(1);
    expect(hub.status()).toBe("connected");
  });

  it("a terminated user reconnects, loses the workspace channel it was removed from, and keeps its own", async () => {
    // An auth endpoint answering as POST /api/realtime/auth does (403 to a non-member), reached by
    // pusher-js's own HTTP transport, so the refusal arrives exactly as in a browser.
    const members = new Set(["u6", "u7"]);
    const sdk = serverSdk(server, secret);
    const endpoint = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        const form = new URLSearchParams(body);
        const userId = new URL(req.url ?? "/", "http://auth.local").searchParams.get("user") ?? "";
        const channel = form.get("channel_name") ?? "";
        if (channel.startsWith("private-workspace-") && !members.has(userId)) return res.writeHead(403).end("Forbidden");
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(sdk.authorizeChannel(form.get("socket_id") ?? "", channel)));
      });
    });
    await new Promise<void>((resolve) => endpoint.listen(0, "127.0.0.1", resolve));
    const authUrl = (userId: string) => `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/auth?user=${userId}`;
    try {
      const removed = await startedHub("w6", "u6", undefined, { authEndpoint: authUrl("u6") });
      const stays = await startedHub("w6", "u7", undefined, { authEndpoint: authUrl("u7") });
      await waitFor(() => server.userConnectionCount("u6") === 1, "the sign-in");
      let accessLost = 0;
      removed.onAccessLost(() => (accessLost += 1));

      members.delete("u6");
      await sdk.terminateUserConnections("u6");
      await waitFor(() => accessLost === 1, "the refused re-subscription", 10_000);
      await waitFor(() => removed.status() === "connected" && server.subscriptionCount(userChannel("u6")) === 1, "reconnected to its own channel", 10_000);
      expect(server.subscriptionCount(workspaceChannel("w6"))).toBe(1);

      const heard: string[] = [];
      removed.on("message.created", (e) => heard.push(`u6:${e.messageId}`));
      stays.on("message.created", (e) => heard.push(`u7:${e.messageId}`));
      await sdk.trigger(workspaceChannel("w6"), "message.created", { conversationId: "c1", messageId: "m6", direction: "inbound", at });
      await waitFor(() => heard.length >= 1, "the remaining member's event");
      expect(heard).toEqual(["u7:m6"]);
      expect(stays.status()).toBe("connected");
    } finally {
      await new Promise<void>((resolve) => endpoint.close(() => resolve()));
    }
  }, 30_000);
});
