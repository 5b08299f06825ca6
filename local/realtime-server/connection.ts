/**
 * One WebSocket client speaking Pusher's protocol 7: the handshake, subscribe / unsubscribe
 * (public and private channels; private ones need the signature from the app's auth endpoint),
 * ping / pong both ways, user sign-in (`pusher:signin`, then the `#server-to-user-{id}` channel),
 * and the refusals Pusher gives (client events, presence, bad auth). A terminated user's sockets
 * get `pusher:error` 4009 and a 4009 close, as Pusher-compatible servers do.
 */
import { randomInt } from "node:crypto";
import type { WebSocket } from "ws";
import type { Channels, Subscriber } from "./channels";
import { isValidChannelName, MAX_CLIENT_MESSAGE_BYTES } from "./limits";
import { isValidChannelAuth, isValidUserAuth, type AppCredentials } from "./signing";
import type { UserSocket, Users } from "./users";

export interface ConnectionTimings {
  /** Told to the client; after this long without a message the server pings. */
  activityTimeoutSeconds: number;
  /** After our ping, this long without any message closes the socket (code 4201, like Pusher). */
  pongTimeoutMs: number;
}

/** Pusher's close codes: 4000–4099 do not reconnect, 4200–4299 reconnect at once. */
const CLOSE = { pongNotReceived: 4201, unauthorized: 4009 } as const;
const SERVER_TO_USER = "#server-to-user-";

export class Connection implements Subscriber, UserSocket {
  readonly socketId = `${randomInt(1, 2 ** 31)}.${randomInt(1, 2 ** 31)}`;
  private readonly subscribed = new Set<string>();
  private idleTimer: NodeJS.Timeout | null = null;
  private pongTimer: NodeJS.Timeout | null = null;
  /** Set by a valid `pusher:signin`. */
  private userId: string | null = null;

  constructor(
    private readonly socket: WebSocket,
    private readonly app: AppCredentials,
    private readonly channels: Channels,
    private readonly timings: ConnectionTimings,
    private readonly users: Users,
  ) {}

  open(): void {
    this.socket.on("message", (raw, isBinary) => this.receive(raw, isBinary));
    this.socket.on("close", () => this.closed());
    this.socket.on("error", () => this.socket.terminate());
    this.emit("pusher:connection_established", JSON.stringify({ socket_id: this.socketId, activity_timeout: this.timings.activityTimeoutSeconds }));
    this.armIdleTimer();
  }

  send(frame: string): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(frame);
  }

  private emit(event: string, data: unknown, channel?: string): void {
    this.send(JSON.stringify(channel ? { event, channel, data } : { event, data }));
  }

  private error(message: string, code: number | null = null): void {
    this.emit("pusher:error", { code, message });
  }

  private receive(raw: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): void {
    this.armIdleTimer();
    const bytes = Buffer.isBuffer(raw) ? raw : Array.isArray(raw) ? Buffer.concat(raw) : Buffer.from(raw);
    if (isBinary || bytes.length > MAX_CLIENT_MESSAGE_BYTES) return this.error("Message too large or not text");
    let message: { event?: unknown; data?: unknown; channel?: unknown };
    try {
      message = JSON.parse(bytes.toString("utf8")) as typeof message;
    } catch {
      return this.error("Invalid JSON");
    }
    if (!message || typeof message !== "object" || typeof message.event !== "string") return this.error("Invalid message: no event");
    const data = typeof message.data === "string" ? safeParse(message.data) : message.data;

    switch (message.event) {
      case "pusher:ping":
        return this.emit("pusher:pong", "{}");
      case "pusher:pong":
        return; // our ping answered; armIdleTimer above already cleared the deadline
      case "pusher:subscribe":
        return this.subscribe(data);
      case "pusher:unsubscribe":
        return this.unsubscribe(data);
      case "pusher:signin":
        return this.signin(data);
      default:
        if (message.event.startsWith("client-")) {
          // Client events are off for Parley's app, as in its Pusher dashboard: browsers only listen.
          return this.error("To send client events, you must enable this feature in the Settings page of your dashboard.");
        }
        return this.error(`Unsupported event: ${message.event.slice(0, 100)}`);
    }
  }

  private subscribe(data: unknown): void {
    const { channel, auth } = (data ?? {}) as { channel?: unknown; auth?: unknown };
    if (typeof channel === "string" && channel.startsWith(SERVER_TO_USER)) return this.subscribeToOwnUserChannel(channel);
    if (!isValidChannelName(channel)) return this.error("Invalid channel name");
    if (channel.startsWith("presence-") || channel.startsWith("private-encrypted-")) {
      return this.subscriptionError(channel, "This server supports public and private channels only", 400);
    }
    if (channel.startsWith("private-") && !isValidChannelAuth(this.app, this.socketId, channel, auth)) {
      return this.subscriptionError(channel, `Invalid signature: expected HMAC SHA256 hex digest of ${this.socketId}:${channel}`, 401);
    }
    if (!this.subscribed.has(channel)) {
      this.subscribed.add(channel);
      this.channels.subscribe(channel, this);
    }
    this.emit("pusher_internal:subscription_succeeded", "{}", channel);
  }

  /** pusher-js subscribes here after its sign-in: only the signed-in user's own channel. */
  private subscribeToOwnUserChannel(channel: string): void {
    if (!this.userId || channel !== `${SERVER_TO_USER}${this.userId}`) return this.subscriptionError(channel, "Not signed in as this user", 403);
    if (!this.subscribed.has(channel)) {
      this.subscribed.add(channel);
      this.channels.subscribe(channel, this);
    }
    this.emit("pusher_internal:subscription_succeeded", "{}", channel);
  }

  /** `pusher:signin` with the app's signature over `socket_id::user::user_data`; a bad one closes with 4009. */
  private signin(data: unknown): void {
    const { auth, user_data: userData } = (data ?? {}) as { auth?: unknown; user_data?: unknown };
    let id: unknown;
    try {
      id = typeof userData === "string" ? (JSON.parse(userData) as { id?: unknown }).id : undefined;
    } catch {
      id = undefined;
    }
    if (typeof userData !== "string" || typeof id !== "string" || id === "" || !isValidUserAuth(this.app, this.socketId, userData, auth)) {
      return this.refuse(CLOSE.unauthorized, "Invalid signature: the user authentication does not verify");
    }
    if (this.userId && this.userId !== id) this.users.remove(this.userId, this);
    this.userId = id;
    this.users.add(id, this);
    this.emit("pusher:signin_success", JSON.stringify({ user_data: userData }));
  }

  /** Pusher's answer to the HTTP API's terminate_connections for this socket's user. */
  terminate(): void {
    this.refuse(CLOSE.unauthorized, "You got disconnected by the app.");
  }

  private refuse(code: number, message: string): void {
    this.error(message, code);
    this.socket.close(code, message);
    setTimeout(() => this.socket.terminate(), 1_000).unref();
    this.closed();
  }

  private subscriptionError(channel: string, error: string, status: number): void {
    this.emit("pusher:subscription_error", { type: "AuthError", error, status }, channel);
  }

  private unsubscribe(data: unknown): void {
    const { channel } = (data ?? {}) as { channel?: unknown };
    if (typeof channel !== "string" || !this.subscribed.delete(channel)) return;
    this.channels.unsubscribe(channel, this);
  }

  /** Any message is activity; silence for activity_timeout earns a ping, and silence after it a close. */
  private armIdleTimer(): void {
    if (this.pongTimer) clearTimeout(this.pongTimer);
    this.pongTimer = null;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      this.emit("pusher:ping", "{}");
      this.pongTimer = setTimeout(() => this.closeDead(), this.timings.pongTimeoutMs);
      this.pongTimer.unref();
    }, this.timings.activityTimeoutSeconds * 1000);
    this.idleTimer.unref();
  }

  /** A close frame like Pusher's, then the socket is dropped: a dead peer never completes the handshake. */
  private closeDead(): void {
    this.socket.close(CLOSE.pongNotReceived, "Pong reply not received");
    setTimeout(() => this.socket.terminate(), 1_000).unref();
    this.closed();
  }

  private closed(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (this.pongTimer) clearTimeout(this.pongTimer);
    this.channels.removeEverywhere(this, this.subscribed);
    this.subscribed.clear();
    if (this.userId) this.users.remove(this.userId, this);
    this.userId = null;
  }
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
