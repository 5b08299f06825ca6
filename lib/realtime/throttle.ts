/**
 * At most one event per key per interval, the latest one winning: for signals that change faster
 * than any screen needs (a campaign's counters move with every send). The first of a burst goes
 * out at once; later ones wait and only the newest is sent when the interval is up, so the final
 * state always arrives. `flush()` sends what is waiting now (at the end of a campaign's run,
 * before the process may stop). Never throws; publishing is fire-and-forget.
 */
import type { RealtimeEvent } from "./events";
import { publishMany, toWorkspace, type RealtimeMessage } from "./publish";

interface Slot {
  lastSentAt: number;
  pending: RealtimeMessage | null;
  timer: NodeJS.Timeout | null;
}

export interface ThrottledPublisher {
  publish(key: string, message: RealtimeMessage): void;
  /** Sends every waiting message now; resolves when they went out. */
  flush(): Promise<void>;
}

export function createThrottledPublisher(intervalMs: number, send: (messages: RealtimeMessage[]) => Promise<void> = publishMany): ThrottledPublisher {
  const slots = new Map<string, Slot>();

  const sendNow = (key: string, slot: Slot, message: RealtimeMessage): Promise<void> => {
    slot.lastSentAt = Date.now();
    slot.pending = null;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    return send([message]).finally(() => {
      // Forget quiet keys so a long-lived process does not keep one slot per campaign forever.
      if (!slot.pending && !slot.timer) setTimeout(() => slot.timer === null && !slot.pending && slots.delete(key), intervalMs).unref();
    });
  };

  return {
    publish(key, message) {
      const slot = slots.get(key) ?? { lastSentAt: 0, pending: null, timer: null };
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
      await Promise.all([...slots].flatMap(([key, slot]) => (slot.pending ? [sendNow(key, slot, slot.pending)] : [])));
    },
  };
}

/** Campaign counters: at most 4 a second per campaign (events.ts: "a few per second"). */
export const CAMPAIGN_PROGRESS_INTERVAL_MS = 250;

const campaignProgress = createThrottledPublisher(CAMPAIGN_PROGRESS_INTERVAL_MS);

export function publishCampaignProgress(workspaceId: string, payload: RealtimeEvent<"campaign.progress">): void {
  campaignProgress.publish(`${workspaceId}:${payload.campaignId}`, toWorkspace(workspaceId, "campaign.progress", payload));
}

/** Call when a campaign's run ends, so its last counters are not left waiting. */
export function flushCampaignProgress(): Promise<void> {
  return campaignProgress.flush();
}
