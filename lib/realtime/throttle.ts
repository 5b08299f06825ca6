/**
 * At most one event per key per interval, the latest one winning: for signals that change faster
 * than any screen needs (a campaign's counters move with every send). The first of a burst goes
 * out at once; later ones wait and only the newest is sent when the interval is up, so the final
 * state always arrives. A message may be given as a function that makes it: it is then made only
 * when it is sent (once per interval, not once per call: reading a campaign's counters costs a
 * query). `flush()` sends what is waiting now and waits for what is on its way (at the end of a
 * campaign's run, before the process may stop). Never throws; publishing is fire-and-forget.
 */
import { logger } from "@/lib/log";
import { publishMany, type RealtimeMessage } from "./publish";

const log = logger("realtime.throttle");

/** A message, or what makes it when it is due (null: nothing to send after all). */
export type MessageSource = RealtimeMessage | (() => Promise<RealtimeMessage | null>);

interface Slot {
  lastSentAt: number;
  pending: MessageSource | null;
  timer: NodeJS.Timeout | null;
  inFlight: Promise<void> | null;
}

export interface ThrottledPublisher {
  publish(key: string, message: MessageSource): void;
  /** Sends every waiting message now; resolves when they (and any already on their way) went out. */
  flush(): Promise<void>;
}

export function createThrottledPublisher(intervalMs: number, send: (messages: RealtimeMessage[]) => Promise<void> = publishMany): ThrottledPublisher {
  const slots = new Map<string, Slot>();

  const deliver = async (source: MessageSource): Promise<void> => {
    try {
      const message = typeof source === "function" ? await source() : source;
      if (message) await send([message]);
    } catch (error) {
      log.warn({ err: error }, "throttled signal not published");
    }
  };

  const sendNow = (key: string, slot: Slot, source: MessageSource): Promise<void> => {
    slot.lastSentAt = Date.now();
    slot.pending = null;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const sending = deliver(source).finally(() => {
      if (slot.inFlight === sending) slot.inFlight = null;
      // Forget quiet keys so a long-lived process does not keep one slot per campaign forever.
      if (!slot.pending && !slot.timer) setTimeout(() => slot.timer === null && !slot.pending && !slot.inFlight && slots.delete(key), intervalMs).unref();
    });
    slot.inFlight = sending;
    return sending;
  };

  return {
    publish(key, message) {
      const slot = slots.get(key) ?? { lastSentAt: 0, pending: null, timer: null, inFlight: null };
      slots.set(key, slot);
      const wait = slot.lastSentAt + intervalMs - Date.now();
      if (wait <= 0 && !slot.timer) {
        void sendNow(key, slot, message);
        return;
      }
      slot.pending = message;
      if (!slot.timer) {
        slot.timer = setTimeout(() => slot.pending && void sendNow(key, slot, slot.pending), Math.max(wait, 0));
        slot.timer.unref();
      }
    },
    async flush() {
      await Promise.all([...slots].flatMap(([key, slot]) => (slot.pending ? [sendNow(key, slot, slot.pending)] : slot.inFlight ? [slot.inFlight] : [])));
    },
  };
}

/** Campaign counters: at most 4 a second per campaign (events.ts: "a few per second"). */
export const CAMPAIGN_PROGRESS_INTERVAL_MS = 250;
