/**
 * The local server against the real `pusher` server SDK and the real `pusher-js` client (its Node
 * build), so Pusher's cloud or any compatible server can replace it by environment alone.
 */
import { createHmac, randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type PusherClient from "pusher-js";
import { startRealtimeServer, type RealtimeServer } from "./index";
import { client, nextEvent, serverSdk, signedBy, userSignedBy, waitFor } from "./test-support";

const secret = randomBytes(16).toString("hex");
let server: RealtimeServer;
const clients: PusherClient[] = [];
const sockets: WebSocket[] = [];

beforeAll(async () => {
  server = await startRealtimeServer({ port: 0, secret });
});
afterEach(() => {
  for (const c of clients.splice(0)) c.disconnect();
  for (const s of sockets.splice(0)) s.terminate();
});
afterAll(async () => {
  await server.stop();
});

function connect(authorize = signedBy(serverSdk(server, secret))): PusherClient {
  const c = client(server, authorize);
  clients.push(c);
  return c;
}

/** A bare WebSocket speaking the protocol by hand, for what pusher-js hides (pings, refusals). */
async function rawSocket(path = `/app/${server.key}?protocol=7&client=js&version=8.6.0`, target = server) {
  const ws = new WebSocket(`ws://${target.host}:${target.port}${path}`);
  sockets.push(ws);
  const frames: { event: string; channel?: string; data: unknown }[] = [];
  ws.on("message", (raw) => frames.push(JSON.parse(String(raw)) as (typeof frames)[number]));
  const closed = new Promise<number>((resolve) => ws.on("close", (code) => resolve(code)));
  await waitFor(() => frames.length > 0 || ws.readyState === ws.CLOSED, "the first frame");
  return { ws, frames, closed, send: (event: string, data: unknown) => ws.send(JSON.stringify({ event, data })) };
}

describe("WebSocket protocol", () => {
  it("establishes a connection with a socket id and the activity timeout", async () => {
    const { frames } = await rawSocket();
    expect(frames[0]!.event).toBe("pusher:connection_established");
    const data = JSON.parse(frames[0]!.data as string) as { socket_id: string; activity_timeout: number };
    expect(data.socket_id).toMatch(/^\d+\.\d+$/);
    expect(data.activity_timeout).toBe(120);
  });

  it("subscribes pusher-js to a private channel with the server SDK's signature", async () => {
    const c = connect();
    const channel = c.subscribe("private-workspace-w1");
    await nextEvent(channel, "pusher:subscription_succeeded");
    expect(server.subscriptionCount("private-workspace-w1")).toBe(1);
  });

  it("refuses a private subscription signed with another secret, like Pusher", async () => {
    const forged = serverSdk(server, "not-the-secret");
    const c = connect(signedBy(forged));
    const channel = c.subscribe("private-workspace-w2");
    const error = await nextEvent<{ type: string; status: number }>(channel, "pusher:subscription_error");
    expect(error).toMatchObject({ type: "AuthError", status: 401 });
    expect(server.subscriptionCount("private-workspace-w2")).toBe(0);
  });

  it("refuses a signature for another socket or channel, and a private channel without auth", async () => {
    const sdk = serverSdk(server, secret);
    const { frames, send } = await rawSocket();
    const socketId = (JSON.parse(frames[0]!.data as string) as { socket_id: string }).socket_id;
    send("pusher:subscribe", { channel: "private-a", auth: sdk.authorizeChannel("1.2", "private-a").auth });
    send("pusher:subscribe", { channel: "private-a", auth: sdk.authorizeChannel(socketId, "private-b").auth });
    send("pusher:subscribe", { channel: "private-a" });
    send("pusher:subscribe", { channel: "private-a", auth: sdk.authorizeChannel(socketId, "private-a").auth });
    await waitFor(() => frames.length >= 5, "four answers");
    expect(frames.slice(1).map((f) => f.event)).toEqual([
      "pusher:subscription_error",
      "pusher:subscription_error",
      "pusher:subscription_error",
      "pusher_internal:subscription_succeeded",
    ]);
  });

  it("answers pusher:ping with pusher:pong", async () => {
    const { frames, send } = await rawSocket();
    send("pusher:ping", {});
    await waitFor(() => frames.length >= 2, "pong");
    expect(frames[1]!.event).toBe("pusher:pong");
  });

  it("refuses client events", async () => {
    const { frames, send, ws } = await rawSocket();
    send("pusher:subscribe", { channel: "public-room" });
    await waitFor(() => frames.length >= 2, "subscribed");
    ws.send(JSON.stringify({ event: "client-typing", channel: "public-room", data: {} }));
    await waitFor(() => frames.length >= 3, "the refusal");
    expect(frames[2]).toMatchObject({ event: "pusher:error", data: { code: null } });
  });

  it("refuses an unknown app key with 4001 and an unsupported protocol with 4007", async () => {
    const wrongKey = await rawSocket("/app/nope?protocol=7");
    expect(await wrongKey.closed).toBe(4001);
    expect(wrongKey.frames[0]).toMatchObject({ event: "pusher:error", data: { code: 4001 } });
    const oldProtocol = await rawSocket(`/app/${server.key}?protocol=3`);
    expect(await oldProtocol.closed).toBe(4007);
  });

  it("pings an idle socket and closes it with 4201 when no pong comes", async () => {
    const quick = await startRealtimeServer({ port: 0, secret, activityTimeoutSeconds: 0.2, pongTimeoutMs: 200 });
    try {
      const silent = await rawSocket(`/app/${quick.key}?protocol=7`, quick);
      const answering = await rawSocket(`/app/${quick.key}?protocol=7`, quick);
      answering.ws.on("message", (raw) => {
        if ((JSON.parse(String(raw)) as { event: string }).event === "pusher:ping") answering.send("pusher:pong", {});
      });
      expect(await silent.closed).toBe(4201);
      expect(silent.frames.map((f) => f.event)).toContain("pusher:ping");
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(answering.ws.readyState).toBe(WebSocket.OPEN);
      expect(answering.frames.filter((f) => f.event === "pusher:ping").length).toBeGreaterThanOrEqual(2);
    } finally {
      await quick.stop();
    }
  });
});

describe("HTTP API", () => {
  it("delivers an event to every subscribed client, JSON data intact", async () => {
    const sdk = serverSdk(server, secret);
    const listeners = [connect(), connect(), connect()].map((c) => c.subscribe("private-workspace-w3"));
    await Promise.all(listeners.map((channel) => nextEvent(channel, "pusher:subscription_succeeded")));
    const received = Promise.all(listeners.map((channel) => nextEvent(channel, "message.created")));
    const response = await sdk.trigger("private-workspace-w3", "message.created", { conversationId: "c1", n: 1 });
    expect(response.status).toBe(200);
    expect(await received).toEqual([1, 2, 3].map(() => ({ conversationId: "c1", n: 1 })));
  });

  it("delivers a batch to each event's channel", async () => {
    const sdk = serverSdk(server, secret);
    const a = connect().subscribe("private-a1");
    const b = connect().subscribe("private-b1");
    await Promise.all([nextEvent(a, "pusher:subscription_succeeded"), nextEvent(b, "pusher:subscription_succeeded")]);
    const gotA = nextEvent(a, "one");
    const gotB = nextEvent(b, "two");
    await sdk.triggerBatch([
      { channel: "private-a1", name: "one", data: { x: 1 } },
      { channel: "private-b1", name: "two", data: { y: 2 } },
    ]);
    expect(await gotA).toEqual({ x: 1 });
    expect(await gotB).toEqual({ y: 2 });
  });

  it("leaves out the socket named by socket_id", async () => {
    const sdk = serverSdk(server, secret);
    const [first, second] = [connect(), connect()];
    const channels = [first, second].map((c) => c.subscribe("public-x"));
    await Promise.all(channels.map((channel) => nextEvent(channel, "pusher:subscription_succeeded")));
    const seen: string[] = [];
    channels[0]!.bind("ping-me", () => seen.push("first"));
    const secondGot = nextEvent(channels[1]!, "ping-me");
    await sdk.trigger("public-x", "ping-me", {}, { socket_id: first.connection.socket_id });
    await secondGot;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).toEqual([]);
  });

  it("answers 401 to a request signed with another secret, and delivers nothing", async () => {
    const c = connect().subscribe("private-w4");
    await nextEvent(c, "pusher:subscription_succeeded");
    let delivered = false;
    c.bind("x", () => (delivered = true));
    const error = await serverSdk(server, "wrong-secret").trigger("private-w4", "x", {}).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(delivered).toBe(false);
  });

  it("answers 401 to a tampered body (body_md5) and an old timestamp", async () => {
    const sdk = serverSdk(server, secret);
    const signed = sdk.createSignedQueryString({ method: "POST", path: `/apps/${server.appId}/events`, body: JSON.stringify({ name: "e", data: "{}", channel: "c" }) });
    const tampered = await fetch(`${server.url}/apps/${server.appId}/events?${signed}`, { method: "POST", body: JSON.stringify({ name: "e", data: "{}", channel: "d" }) });
    expect(tampered.status).toBe(401);
    // Signed correctly, by hand, but 20 minutes ago (Pusher allows 10).
    const path = `/apps/${server.appId}/channels`;
    const query = `auth_key=${server.key}&auth_timestamp=${Math.floor(Date.now() / 1000) - 1200}&auth_version=1.0`;
    const signature = createHmac("sha256", secret).update(`GET\n${path}\n${query}`).digest("hex");
    expect((await fetch(`${server.url}${path}?${query}&auth_signature=${signature}`)).status).toBe(401);
    const fresh = query.replace(/auth_timestamp=\d+/, `auth_timestamp=${Math.floor(Date.now() / 1000)}`);
    const freshSignature = createHmac("sha256", secret).update(`GET\n${path}\n${fresh}`).digest("hex");
    expect((await fetch(`${server.url}${path}?${fresh}&auth_signature=${freshSignature}`)).status).toBe(200);
  });

  it("answers 400 to a malformed body and 413 to data over 10 KB, delivering nothing", async () => {
    const sdk = serverSdk(server, secret);
    // Correctly signed raw bodies (the SDK's own post() only sends what it considers valid).
    const post = async (action: string, body: string) => {
      const path = `/apps/${server.appId}/${action}`;
      const query = sdk.createSignedQueryString({ method: "POST", path, body });
      return (await fetch(`${server.url}${path}?${query}`, { method: "POST", body })).status;
    };
    expect(await post("events", JSON.stringify({ name: "e", channel: "c" }))).toBe(400);
    expect(await post("events", "{not json")).toBe(400);
    expect(await post("events", JSON.stringify({ name: "e", data: "{}", channel: "bad channel!" }))).toBe(400);
    const eleven = Array.from({ length: 11 }, (_, i) => ({ channel: "c", name: "e", data: String(i) }));
    expect(await post("batch_events", JSON.stringify({ batch: eleven }))).toBe(400);
    const huge = await sdk.trigger("c", "e", { blob: "x".repeat(11 * 1024) }).catch((e: unknown) => e);
    expect(huge).toMatchObject({ status: 413 });
  });

  it("lists occupied channels", async () => {
    const c = connect().subscribe("private-listed-1");
    await nextEvent(c, "pusher:subscription_succeeded");
    const response = await serverSdk(server, secret).get({ path: "/channels", params: { filter_by_prefix: "private-listed" } });
    expect(await response.json()).toEqual({ channels: { "private-listed-1": {} } });
  });
});

describe("user authentication and terminating a user's connections", () => {
  const sdk = () => serverSdk(server, secret);

  /** A pusher-js client signed in as `userId` (pusher.signin(), as the app's hub does), subscribed to `channelName`. */
  async function signedInClient(userId: string, channelName: string): Promise<PusherClient> {
    const c = client(server, signedBy(sdk()), userSignedBy(sdk(), userId));
    clients.push(c);
    c.signin();
    await nextEvent(c.subscribe(channelName), "pusher:subscription_succeeded");
    await waitFor(() => server.userConnectionCount(userId) >= 1 && c.user.user_data !== null, "the sign-in");
    return c;
  }

  it("signs pusher-js in with the SDK's signature, and delivers sendToUser to that user only", async () => {
    const siti = await signedInClient("user-siti", "private-workspace-u1");
    const budi = await signedInClient("user-budi", "private-workspace-u1");
    expect(siti.user.user_data).toEqual({ id: "user-siti" });
    const received: string[] = [];
    siti.user.bind("note", () => received.push("siti"));
    budi.user.bind("note", () => received.push("budi"));
    await waitFor(() => server.subscriptionCount("#server-to-user-user-siti") === 1, "siti's user channel");
    await sdk().sendToUser("user-siti", "note", { hello: true });
    await waitFor(() => received.length > 0, "the user event");
    expect(received).toEqual(["siti"]);
  });

  it("closes every connection of a terminated user with 4009, leaving other users connected", async () => {
    const first = await signedInClient("user-gone", "private-workspace-u2");
    const second = await signedInClient("user-gone", "private-workspace-u2");
    const other = await signedInClient("user-stays", "private-workspace-u2");
    const errors: unknown[] = [];
    first.connection.bind("error", (error: unknown) => errors.push(error));
    expect(server.userConnectionCount("user-gone")).toBe(2);

    await sdk().terminateUserConnections("user-gone");
    await waitFor(() => first.connection.state !== "connected" && second.connection.state !== "connected", "both closed");
    expect(errors).toContainEqual(expect.objectContaining({ data: expect.objectContaining({ code: 4009 }) }));
    expect(server.userConnectionCount("user-gone")).toBe(0);
    expect(server.subscriptionCount("private-workspace-u2")).toBe(1);
    expect(other.connection.state).toBe("connected");
    // Pusher's 4000–4099 closes are final for pusher-js: no reconnection of its own.
    expect(["disconnected", "failed"]).toContain(first.connection.state);
  });

  it("refuses a sign-in signed with another secret (4009 close) and another user's user channel", async () => {
    const forged = serverSdk(server, "not-the-secret");
    const { frames, closed, send } = await rawSocket();
    const socketId = (JSON.parse(frames[0]!.data as string) as { socket_id: string }).socket_id;
    send("pusher:subscribe", { channel: "#server-to-user-someone" });
    await waitFor(() => frames.length >= 2, "the refusal");
    expect(frames[1]).toMatchObject({ event: "pusher:subscription_error", channel: "#server-to-user-someone" });
    send("pusher:signin", forged.authenticateUser(socketId, { id: "someone" }));
    expect(await closed).toBe(4009);
    expect(server.userConnectionCount("someone")).toBe(0);
  });

  it("answers 401 to an unsigned terminate request", async () => {
    const response = await fetch(`${server.url}/apps/${server.appId}/users/anyone/terminate_connections`, { method: "POST", body: "{}" });
    expect(response.status).toBe(401);
  });
});
