/** What the UI shows about the live connection. */
export type RealtimeStatus = "connecting" | "connected" | "unavailable";

/** pusher-js's connection states, folded into the three the UI distinguishes. */
export function statusOf(pusherState: string): RealtimeStatus {
  if (pusherState === "connected") return "connected";
  if (pusherState === "initialized" || pusherState === "connecting") return "connecting";
  // "unavailable", "failed", "disconnected": events are not arriving; pusher-js keeps retrying.
  return "unavailable";
}
