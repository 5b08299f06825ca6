/**
 * One pusher-js connection for a page: the workspace channel and the user's channel, events fanned
 * out to handlers by name, the connection status, and the catch-up signal. Plain TypeScript (no
 * React), so it is tested in Node with the real pusher-js against the local server.
 *
 * The connection is signed in as the user (POST /api/realtime/user-auth), so the server can
 * terminate it when the user's rights change (removed from the workspace, signed out everywhere).
 * Pusher closes a terminated connection with 4009, which pusher-js takes as final; the hub connects
 * again, every channel is authorised afresh, and a workspace channel refused (403) is reported to
 * `onAccessLost` listeners — the page then reloads its data and finds out where it stands.
 */
import Pusher, { type ChannelAuthorizationHandler, type UserAuthenticationHandler } from "pusher-js";
import type { RealtimeClientConfig } from "@/lib/realtime/config";
import { realtimeEventSchemas, userChannel, workspaceChannel, type RealtimeEvent, type RealtimeEventName } from "@/lib/realtime/events";
import { statusOf, type RealtimeStatus } from "./status";
import { watchForWake } from "./wake-detector";

export const REALTIME_AUTH_ENDPOINT = "/api/realtime/auth";
export const REALTIME_USER_AUTH_ENDPOINT = "/api/realtime/user-auth";

/** Pusher's close code for a terminated user (and a refused sign-in). */
const TERMINATED = 4009;
/** A moment before connecting again, so the change that terminated us has committed everywhere. */
const RECONNECT_AFTER_TERMINATION_MS = 500;

/** Several reasons to catch up at once (reconnected + tab visible) make one refetch. */
const CATCH_UP_COALESCE_MS = 1_000;

export interface RealtimeHubOptions {
  config: RealtimeClientConfig;
  workspaceId: string;
  userId: string;
  /** Default: pusher-js posts to /api/realtime/auth with the page's cookies. Tests sign here. */
  authorize?: ChannelAuthorizationHandler;
  /** Where pusher-js posts channel authorisations when `authorize` is not given (absolute in Node tests). */
  authEndpoint?: string;
  /** Default: pusher-js posts to /api/realtime/user-auth. Tests sign here. */
  authenticateUser?: UserAuthenticationHandler;
  /** Default: "ws" and "wss" only — no HTTP fallbacks (the local server speaks WebSocket only). */
  enabledTransports?: ("ws" | "wss")[];
}

type Handler<N extends RealtimeEventName> = (payload: RealtimeEvent<N>) => void;
type AnyHandler = (payload: unknown) => void;

export class RealtimeHub {
  private pusher: Pusher | null = null;
  private readonly handlers = new Map<string, Set<AnyHandler>>();
  private readonly catchUpHandlers = new Set<() => void>();
  private readonly statusListeners = new Set<() => void>();
  private readonly accessLostListeners = new Set<() => void>();
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private currentStatus: RealtimeStatus = "connecting";
  private catchUpTimer: ReturnType<typeof setTimeout> | null = null;
  private stopWakeWatch: () => void = () => {};

  constructor(private readonly options: RealtimeHubOptions) {}

  /** Connects (pusher-js connects as soon as it is constructed, so it is constructed here). */
  start(): void {
    if (this.pusher) return;
    const { config, authorize, authenticateUser, authEndpoint = REALTIME_AUTH_ENDPOINT } = this.options;
    const pusher = new Pusher(config.key, {
      cluster: config.cluster,
      forceTLS: config.forceTLS,
      ...(config.wsHost ? { wsHost: config.wsHost } : {}),
      ...(config.wsPort ? { wsPort: config.wsPort, wssPort: config.wsPort } : {}),
      enabledTransports: this.options.enabledTransports ?? ["ws", "wss"],
      disableStats: true,
      channelAuthorization: authorize ? { customHandler: authorize } : { endpoint: authEndpoint, transport: "ajax" },
      userAuthentication: authenticateUser ? { customHandler: authenticateUser } : { endpoint: REALTIME_USER_AUTH_ENDPOINT, transport: "ajax" },
    });
    this.pusher = pusher;
    pusher.signin();
    this.setStatus(statusOf(pusher.connection.state));
    let terminated = false;
    pusher.connection.bind("error", (error: { data?: { code?: number } } | undefined) => {
      if (error?.data?.code === TERMINATED) terminated = true;
    });
    pusher.connection.bind("state_change", ({ current }: { current: string }) => {
      this.setStatus(statusOf(current));
      if (current === "disconnected" && terminated && this.pusher === pusher) {
        terminated = false;
        this.reconnectTimer = setTimeout(() => pusher.connect(), RECONNECT_AFTER_TERMINATION_MS);
      }
    });
    pusher.bind_global((name: string, data: unknown) => this.dispatch(name, data));
    const workspace = pusher.subscribe(workspaceChannel(this.options.workspaceId));
    // Events published while not subscribed are lost: between the server render and the first
    // subscription (a customer writing while the page loads), and between a drop and pusher-js's
    // own re-subscription. So every successful subscription is a moment to refetch.
    workspace.bind("pusher:subscription_succeeded", () => this.requestCatchUp());
    workspace.bind("pusher:subscription_error", (error: { status?: number } | undefined) => {
      if (error?.status === 403) for (const listener of this.accessLostListeners) listener();
    });
    pusher.subscribe(userChannel(this.options.userId));
    this.stopWakeWatch = watchForWake(() => this.requestCatchUp());
  }

  stop(): void {
    this.stopWakeWatch();
    if (this.catchUpTimer) clearTimeout(this.catchUpTimer);
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.pusher?.disconnect();
    this.pusher = null;
    // Handlers stay: React (StrictMode, a remount) may start this hub again with them in place.
  }

  on<N extends RealtimeEventName>(name: N, handler: Handler<N>): () => void {
    const set = this.handlers.get(name) ?? new Set<AnyHandler>();
    this.handlers.set(name, set);
    const wrapped = handler as AnyHandler;
    set.add(wrapped);
    return () => set.delete(wrapped);
  }

  onCatchUp(handler: () => void): () => void {
    this.catchUpHandlers.add(handler);
    return () => this.catchUpHandlers.delete(handler);
  }

  /** The workspace channel was refused after a reconnection: the user is no longer a member. */
  onAccessLost(listener: () => void): () => void {
    this.accessLostListeners.add(listener);
    return () => this.accessLostListeners.delete(listener);
  }

  status(): RealtimeStatus {
    return this.currentStatus;
  }

  onStatus(listener: () => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** The pusher-js connection, for tests that need to drop it. */
  get connection(): Pusher["connection"] | null {
    return this.pusher?.connection ?? null;
  }

  private setStatus(status: RealtimeStatus): void {
    if (status === this.currentStatus) return;
    this.currentStatus = status;
    for (const listener of this.statusListeners) listener();
  }

  private dispatch(name: string, data: unknown): void {
    if (!(name in realtimeEventSchemas)) return; // pusher:* and pusher_internal:* protocol events
    const parsed = realtimeEventSchemas[name as RealtimeEventName].safeParse(data);
    if (!parsed.success) return; // not ours, or from a newer server: the catch-up refetch covers it
    for (const handler of this.handlers.get(name) ?? []) {
      try {
        handler(parsed.data);
      } catch (error) {
        // One broken handler must not starve the others.
        console.error(`[realtime] handler for ${name} threw`, error);
      }
    }
  }

  private requestCatchUp(): void {
    if (this.catchUpTimer) return;
    this.catchUpTimer = setTimeout(() => {
      this.catchUpTimer = null;
      for (const handler of this.catchUpHandlers) handler();
    }, CATCH_UP_COALESCE_MS);
  }
}
