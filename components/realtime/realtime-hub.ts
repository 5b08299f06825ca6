/**
 * One pusher-js connection for a page: the workspace channel and the user's channel, events fanned
 * out to handlers by name, the connection status, and the catch-up signal. Plain TypeScript (no
 * React), so it is tested in Node with the real pusher-js against the local server.
 */
import Pusher, { type ChannelAuthorizationHandler } from "pusher-js";
import type { RealtimeClientConfig } from "@/lib/realtime/config";
import { realtimeEventSchemas, userChannel, workspaceChannel, type RealtimeEvent, type RealtimeEventName } from "@/lib/realtime/events";
import { statusOf, type RealtimeStatus } from "./status";
import { watchForWake } from "./wake-detector";

export const REALTIME_AUTH_ENDPOINT = "/api/realtime/auth";

/** Several reasons to catch up at once (reconnected + tab visible) make one refetch. */
const CATCH_UP_COALESCE_MS = 1_000;

export interface RealtimeHubOptions {
  config: RealtimeClientConfig;
  workspaceId: string;
  userId: string;
  /** Default: pusher-js posts to /api/realtime/auth with the page's cookies. Tests sign here. */
  authorize?: ChannelAuthorizationHandler;
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
  private currentStatus: RealtimeStatus = "connecting";
  private catchUpTimer: ReturnType<typeof setTimeout> | null = null;
  private stopWakeWatch: () => void = () => {};

  constructor(private readonly options: RealtimeHubOptions) {}

  /** Connects (pusher-js connects as soon as it is constructed, so it is constructed here). */
  start(): void {
    if (this.pusher) return;
    const { config, authorize } = this.options;
    const pusher = new Pusher(config.key, {
      cluster: config.cluster,
      forceTLS: config.forceTLS,
      ...(config.wsHost ? { wsHost: config.wsHost } : {}),
      ...(config.wsPort ? { wsPort: config.wsPort, wssPort: config.wsPort } : {}),
      enabledTransports: this.options.enabledTransports ?? ["ws", "wss"],
      disableStats: true,
      channelAuthorization: authorize ? { customHandler: authorize } : { endpoint: REALTIME_AUTH_ENDPOINT, transport: "ajax" },
    });
    this.pusher = pusher;
    this.setStatus(statusOf(pusher.connection.state));
    pusher.connection.bind("state_change", ({ current }: { current: string }) => this.setStatus(statusOf(current)));
    pusher.bind_global((name: string, data: unknown) => this.dispatch(name, data));
    const workspace = pusher.subscribe(workspaceChannel(this.options.workspaceId));
    // Events published while not subscribed are lost: between the server render and the first
    // subscription (a customer writing while the page loads), and between a drop and pusher-js's
    // own re-subscription. So every successful subscription is a moment to refetch.
    workspace.bind("pusher:subscription_succeeded", () => this.requestCatchUp());
    pusher.subscribe(userChannel(this.options.userId));
    this.stopWakeWatch = watchForWake(() => this.requestCatchUp());
  }

  stop(): void {
    this.stopWakeWatch();
    if (this.catchUpTimer) clearTimeout(this.catchUpTimer);
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
