import { describe, expect, it, vi } from "vitest";
import { processWebhookEvent } from "./process-event";
import { beginAcknowledgement } from "./ack-pressure";
import { BUSY_CONCURRENCY, CONCURRENCY, MAX_QUEUED, processSoon } from "./background";
import { freshUnprocessedEventIds } from "./recover";
import { emptyOutcome } from "./outcome";

vi.mock("./process-event", () => ({ processWebhookEvent: vi.fn() }));
vi.mock("./recover", () => ({ freshUnprocessedEventIds: vi.fn(async () => []) }));

describe("processSoon", () => {
  it("processes every event, never more than CONCURRENCY at once", async () => {
    let active = 0;
    let peak = 0;
    vi.mocked(processWebhookEvent).mockImplementation(async (id) => {
      active += 1;
      peak = Math.max(peak, active);
      await new Promise((resolve) => setTimeout(resolve, 5));
      active -= 1;
      return emptyOutcome(id, "processed");
    });
    const ids = Array.from({ length: 25 }, (_, i) => `event-${i}`);
    const outcomes = await Promise.all(ids.map((id) => processSoon(id)));
    expect(outcomes.map((o) => o?.eventId)).toEqual(ids);
    expect(peak).toBe(CONCURRENCY);
    expect(active).toBe(0);
  });

  it("frees its slot when processing throws", async () => {
    vi.mocked(processWebhookEvent).mockRejectedValueOnce(new Error("boom"));
    await expect(processSoon("x")).rejects.toThrow("boom");
    vi.mocked(processWebhookEvent).mockImplementation(async (id) => emptyOutcome(id, "processed"));
    const outcomes = await Promise.all(Array.from({ length: CONCURRENCY * 2 }, (_, i) => processSoon(`y${i}`)));
    expect(outcomes).toHaveLength(CONCURRENCY * 2);
  });

  it("yields to acknowledgements: BUSY_CONCURRENCY while deliveries are in flight, all slots once they end", async () => {
    let active = 0;
    const peaks: number[] = [];
    vi.mocked(processWebhookEvent).mockImplementation(async (id) => {
      active += 1;
      peaks.push(active);
      await new Promise((resolve) => setTimeout(resolve, 5));
      active -= 1;
      return emptyOutcome(id, "processed");
    });
    const endAck = beginAcknowledgement();
    const busy = Array.from({ length: 6 }, (_, i) => processSoon(`busy-${i}`));
    await new Promise((resolve) => setTimeout(resolve, 40));
    const duringBurst = [...peaks];
    expect(duringBurst.length).toBeGreaterThan(1);
    expect(Math.max(...duringBurst)).toBe(BUSY_CONCURRENCY);

    const more = Array.from({ length: CONCURRENCY * 3 }, (_, i) => processSoon(`idle-${i}`));
    endAck();
    endAck(); // ending twice counts once
    const outcomes = await Promise.all([...busy, ...more]);
    expect(outcomes).toHaveLength(6 + CONCURRENCY * 3);
    expect(Math.max(...peaks)).toBe(CONCURRENCY);
    expect(active).toBe(0);
  });

  it("turns events away when the queue is full, then fetches them back from the database once it empties", async () => {
    const processed: string[] = [];
    vi.mocked(processWebhookEvent).mockImplementation(async (id) => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      processed.push(id);
      return emptyOutcome(id, "processed");
    });
    const turnedAway = ["late-1", "late-2", "late-3"];
    // The database's backlog: the turned-away events (once), then nothing.
    vi.mocked(freshUnprocessedEventIds).mockResolvedValueOnce(turnedAway).mockResolvedValue([]);

    const endAck = beginAcknowledgement(); // keeps processing to one at a time, so the queue fills
    const queued = Array.from({ length: MAX_QUEUED + 1 }, (_, i) => processSoon(`q-${i}`));
    const refused = await Promise.all(turnedAway.map((id) => processSoon(id)));
    expect(refused).toEqual([null, null, null]);
    endAck();
    await Promise.all(queued);
    await vi.waitFor(() => expect(processed).toEqual(expect.arrayContaining(turnedAway)), { timeout: 5_000 });
    expect(freshUnprocessedEventIds).toHaveBeenCalled();
  });
});
