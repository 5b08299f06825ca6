/** Test helpers: real `pusher` (server SDK) and `pusher-js` (client) pointed at a local server. */
import Pusher from "pusher";
import PusherClient, { type ChannelAuthorizationHandler, type UserAuthenticationHandler } from "pusher-js";
import type { RealtimeServer } from "./server";

export function serverSdk(server: RealtimeServer, secret: string): Pusher {
  return new Pusher({ appId: server.appId, key: server.key, secret, host: server.host, port: String(server.port), useTLS: false });
}

/** A pusher-js client whose private-channel authorisation is signed by `signer` (the SDK, as the app's auth route does). */
export function client(server: RealtimeServer, authorize?: ChannelAuthorizationHandler, authenticateUser?: UserAuthenticationHandler): PusherClient {
  return new PusherClient(server.key, {
    cluster: "local",
    wsHost: server.host,
    wsPort: server.port,
    forceTLS: false,
    enabledTransports: ["ws"],
    disableStats: true,
    ...(authorize ? { channelAuthorization: { customHandler: authorize } } : {}),
    ...(authenticateUser ? { userAuthentication: { customHandler: authenticateUser } } : {}),
  });
}

/** pusher-js's user sign-in signed by the SDK for `userId`, as the app's user-auth route does. */
export function userSignedBy(sdk: Pusher, userId: string): UserAuthenticationHandler {
  return ({ socketId }, callback) => callback(null, sdk.authenticateUser(socketId, { id: userId }));
}

export function signedBy(sdk: Pusher): ChannelAuthorizationHandler {
  return ({ socketId, channelName }, callback) => callback(null, sdk.authorizeChannel(socketId, channelName));
}

export async function waitFor(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Resolves with the first `event` on the channel (after subscribing to it). */
export function nextEvent<T = unknown>(channel: { bind: (event: string, cb: (data: T) => void) => unknown; unbind: (event: string, cb: (data: T) => void) => unknown }, event: string, timeoutMs = 5_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    const handler = (data: T) => {
      clearTimeout(timer);
      channel.unbind(event, handler);
      resolve(data);
    };
    channel.bind(event, handler);
  });
}

/**
 * For a test file's `vi.hoisted`: starts a local server and points lib/env's PUSHER_* at it,
 * before any app module reads the environment.
 *   const realtime = await vi.hoisted(async () => (await import("@/local/realtime-server/test-support")).startForTests());
 */
export async function startForTests(): Promise<{ server: RealtimeServer; secret: string }> {
  const { randomBytes } = await import("node:crypto");
  const { startRealtimeServer } = await import("./server");
  const { realtimeEnv } = await import("./env");
  const secret = randomBytes(16).toString("hex");
  const server = await startRealtimeServer({ port: 0, secret });
  Object.assign(process.env, realtimeEnv(server, secret));
  return { server, secret };
}

/** pusher-js's authorisation through a route handler (POST /api/realtime/auth), as a browser would call it. */
export function authorizeThrough(post: (request: Request) => Promise<Response>): ChannelAuthorizationHandler {
  return ({ socketId, channelName }, callback) => {
    const body = new URLSearchParams({ socket_id: socketId, channel_name: channelName });
    post(new Request("http://parley.test/api/realtime/auth", { method: "POST", body }))
      .then(async (response) => {
        if (!response.ok) return callback(new Error(`auth answered ${response.status}`), null);
        callback(null, (await response.json()) as { auth: string });
      })
      .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null));
  };
}
