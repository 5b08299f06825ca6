/**
 * Publishing real-time signals (lib/realtime/events.ts) after a change has committed.
 *
 * Never throws into the caller: a real-time hiccup must not fail a send, an action or a webhook —
 * the browsers repair a missed signal by refetching on reconnect. Invalid payloads and failed
 * requests are logged; without real-time configured every call is a no-op (debug log).
 */
import { logger } from "@/lib/log";
import { realtimeEventSchemas, userChannel, workspaceChannel, type RealtimeEvent, type RealtimeEventName } from "./events";
import { pusherServer } from "./pusher-server";

const log = logger("realtime");

/** Pusher's HTTP API takes at most 10 events per batch request. */
const BATCH_MAX = 10;

/** One event on one channel, typed by its name. */
export type RealtimeMessage = {
  [N in RealtimeEventName]: { channel: string; name: N; payload: RealtimeEvent<N> };
}[RealtimeEventName];

export function toWorkspace<N extends RealtimeEventName>(workspaceId: string, name: N, payload: RealtimeEvent<N>): RealtimeMessage {
  return { channel: workspaceChannel(workspaceId), name, payload } as RealtimeMessage;
}

export function toUser<N extends RealtimeEventName>(userId: string, name: N, payload: RealtimeEvent<N>): RealtimeMessage {
  return { channel: userChannel(userId), name, payload } as RealtimeMessage;
}

export function publishToWorkspace<N extends RealtimeEventName>(workspaceId: string, name: N, payload: RealtimeEvent<N>): Promise<void> {
  return publishMany([toWorkspace(workspaceId, name, payload)]);
}

export function publishToUser<N extends RealtimeEventName>(userId: string, name: N, payload: RealtimeEvent<N>): Promise<void> {
  return publishMany([toUser(userId, name, payload)]);
}

/** Several events in as few requests as Pusher allows (`triggerBatch`, 10 a request). */
export async function publishMany(messages: RealtimeMessage[]): Promise<void> {
  try {
    const valid = messages.filter(isValid);
    if (valid.length === 0) return;
    const pusher = pusherServer();
    if (!pusher) {
      log.debug({ events: valid.map((m) => m.name) }, "real-time not configured: not published");
      return;
    }
    const [only] = valid;
    if (valid.length === 1 && only) {
      await pusher.trigger(only.channel, only.name, only.payload);
      return;
    }
    const batches: RealtimeMessage[][] = [];
    for (let i = 0; i < valid.length; i += BATCH_MAX) batches.push(valid.slice(i, i + BATCH_MAX));
    const results = await Promise.allSettled(
      batches.map((batch) => pusher.triggerBatch(batch.map(({ channel, name, payload }) => ({ channel, name, data: payload })))),
    );
    for (const result of results) {
      if (result.status === "rejected") log.warn({ err: describe(result.reason) }, "real-time batch not published");
    }
  } catch (error) {
    log.warn({ err: describe(error), events: messages.map((m) => m.name) }, "real-time event not published");
  }
}

/**
 * Closes every real-time connection of the user (Pusher's user termination; browsers sign in on their
 * connection through POST /api/realtime/user-auth). Their pages reconnect and subscribe again, and
 * POST /api/realtime/auth then refuses the channels they lost the right to. Call after the change
 * (a removed membership, ended sessions) commits. Never throws, like the rest of this module.
 */
export async function terminateUserConnections(userId: string): Promise<void> {
  try {
    const pusher = pusherServer();
    if (!pusher) return;
    await pusher.terminateUserConnections(userId);
  } catch (error) {
    log.warn({ err: describe(error), userId }, "real-time connections not terminated");
  }
}

function isValid(message: RealtimeMessage): boolean {
  const parsed = realtimeEventSchemas[message.name].safeParse(message.payload);
  if (!parsed.success) log.error({ event: message.name, issues: parsed.error.issues }, "real-time payload refused by its schema");
  return parsed.success;
}

/** The SDK's RequestError carries the response body and status, which say why. */
function describe(error: unknown): unknown {
  if (error && typeof error === "object" && "status" in error) {
    const { message, status, body } = error as { message?: string; status?: number; body?: string };
    return { message, status, body };
  }
  return error;
}
