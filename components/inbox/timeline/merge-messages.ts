/**
 * Keeping the timeline's list of messages true while pages, live updates and optimistic sends
 * arrive in any order: one entry per id (the newest copy wins), an optimistic bubble dropped as
 * soon as the server's message for the same send is known, oldest first.
 */
import type { ViewMessage } from "./types";

function byTime(a: ViewMessage, b: ViewMessage): number {
  return a.timestamp.getTime() - b.timestamp.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** `incoming` replaces what `current` holds under the same id; optimistic bubbles they settle go. */
export function mergeMessages(current: ViewMessage[], incoming: ViewMessage[]): ViewMessage[] {
  if (incoming.length === 0) return current;
  const byId = new Map<string, ViewMessage>();
  for (const message of current) byId.set(message.id, message);
  const settledKeys = new Set<string>();
  for (const message of incoming) {
    byId.set(message.id, message);
    if (message.idempotencyKey) settledKeys.add(message.idempotencyKey);
  }
  const merged = [...byId.values()].filter((m) => !(isOptimistic(m) && m.clientKey && settledKeys.has(m.clientKey)));
  return merged.sort(byTime);
}

/** The send with `clientKey` got its answer: the optimistic bubble becomes the server's message. */
export function settleOptimistic(current: ViewMessage[], clientKey: string, message: ViewMessage): ViewMessage[] {
  return mergeMessages(
    current.filter((m) => m.id !== optimisticId(clientKey)),
    [message],
  );
}

/** The send with `clientKey` failed before the server stored anything: mark its bubble failed. */
export function failOptimistic(current: ViewMessage[], clientKey: string, errorTitle: string | null): ViewMessage[] {
  return current.map((m) => (m.id === optimisticId(clientKey) ? { ...m, status: "failed" as const, errorTitle } : m));
}

export const optimisticId = (clientKey: string) => `optimistic:${clientKey}`;

export const isOptimistic = (message: ViewMessage) => message.id.startsWith("optimistic:");
