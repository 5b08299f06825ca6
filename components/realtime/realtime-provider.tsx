"use client";
/**
 * Live updates for a workspace page: ONE pusher-js connection per page (mounted by the workspace
 * layout), subscribed to the workspace channel and the signed-in user's channel. Components listen
 * with the hooks below; they never create their own connection.
 *
 *   useRealtimeEvent("message.created", (e) => { if (e.conversationId === id) refetch(); });
 *   useRealtimeCatchUp(() => refetch());   // after a lost connection or a sleeping laptop
 *   const status = useRealtimeStatus();    // "connecting" | "connected" | "unavailable"
 *
 * `config` comes from lib/realtime/client-config.ts, read on the server at request time; null when
 * real-time is not configured (the hooks then do nothing and the status is "unavailable").
 */
import { createContext, useContext, useEffect, useMemo, useRef, useSyncExternalStore, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import type { RealtimeClientConfig } from "@/lib/realtime/config";
import type { RealtimeEvent, RealtimeEventName } from "@/lib/realtime/events";
import { RealtimeHub } from "./realtime-hub";
import type { RealtimeStatus } from "./status";

export type { RealtimeStatus } from "./status";

const RealtimeContext = createContext<RealtimeHub | null>(null);

export function RealtimeProvider({
  config,
  workspaceId,
  userId,
  children,
}: {
  config: RealtimeClientConfig | null;
  workspaceId: string;
  userId: string;
  children: ReactNode;
}) {
  // Keyed by what the connection depends on, so a workspace switch opens the right channels.
  const key = config ? `${config.key}|${config.wsHost ?? ""}|${config.wsPort ?? ""}|${config.cluster}|${config.forceTLS}|${workspaceId}|${userId}` : null;
  // Constructing a hub connects nothing; start() in the effect does (and stop() undoes it).
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` covers config, workspaceId and userId
  const hub = useMemo(() => (config ? new RealtimeHub({ config, workspaceId, userId }) : null), [key]);

  const router = useRouter();
  useEffect(() => {
    if (!hub) return;
    // Removed from the workspace while the page is open: reload it, and requireWorkspace() answers.
    const off = hub.onAccessLost(() => router.refresh());
    hub.start();
    return () => {
      off();
      hub.stop();
    };
  }, [hub, router]);

  return <RealtimeContext.Provider value={hub}>{children}</RealtimeContext.Provider>;
}

/** Calls `handler` with each event of that name on the workspace or user channel. No need to memoise it. */
export function useRealtimeEvent<N extends RealtimeEventName>(name: N, handler: (payload: RealtimeEvent<N>) => void): void {
  const hub = useContext(RealtimeContext);
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!hub) return;
    return hub.on(name, (payload) => latest.current(payload));
  }, [hub, name]);
}

/**
 * Calls `handler` when events may have been missed: the connection came back after being lost,
 * or the tab became visible again after the machine slept. Refetch what is on screen there.
 */
export function useRealtimeCatchUp(handler: () => void): void {
  const hub = useContext(RealtimeContext);
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!hub) return;
    return hub.onCatchUp(() => latest.current());
  }, [hub]);
}

const noSubscription = () => () => {};

export function useRealtimeStatus(): RealtimeStatus {
  const hub = useContext(RealtimeContext);
  return useSyncExternalStore(
    hub ? (listener) => hub.onStatus(listener) : noSubscription,
    () => hub?.status() ?? "unavailable",
    () => "connecting",
  );
}
