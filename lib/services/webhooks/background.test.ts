import { describe, expect, it, vi } from "vitest";
import { beginAcknowledgement } from "./ack-pressure";
import { BUSY_CONCURRENCY, CONCURRENCY, MAX_QUEUED, processSoon } from "./background";
import { emptyOutcome } from "./outcome";
import { BATCH_SIZE, processWebhookEventBatch } from "./process-batch";
import { freshUnprocessedEventIds } from "./recover";

vi.mock("./process-batch", () => ({ BATCH_SIZE: 10, processWebhookEventBatch: vi.fn() }));
vi.mock("./recover", () => ({ freshUnprocessedEventIds: vi.fn(async () => []) }));

/** A batch processor that takes `ms`, recording how many batches run at once and their sizes. */
function slowBatches(ms: number) {
  const seen = { active: 0, peaks: [] as number[], sizes: [] as number[], ids: [] as string[] };
  vi.mocked(processWebhookEventBatch).mockImplementation(async (ids) => {
    seen.active += 1;
    seen.peaks.push(seen.active);
    seen.sizes.push(ids.length);
    seen.ids.push(...ids);
    await new Promise((resolve) => setTimeout(resolve, ms));
    seen.active -= 1;
    return ids.map((id) => emptyOutcome(id, "processed"));
  });
  return seen;
}

describe("processSoon", () => {
  it("processes every event in batches of at most BATCH_SIZE, never more than CONCURRENCY batches at once", async () => {
    const seen = slowBatches(5);
    const ids = Array.from({ length: 65 }, (_, i) => `event-${i}`);
    const outcomes = await Promise.all(ids.map((id) => processSoon(id)));
    expect(outcomes.map((o) => o?.eventId)).toEqual(ids);
    expect(seen.ids.sort()).toEqual([...ids].sort());
    expect(Math.max(...seen.sizes)).toBe(BATCH_SIZE);
    expect(Math.max(...seen.peaks)).toBe(CONCURRENCY);
    expect(seen.active).toBe(0);
  });

  it("a lone event is processed at once, in a batch of one", async () => {
    const seen = slowBatches(0);
    expect(await processSoon("alone")).toMatchObject({ eventId: "alone", result: "processed" });
    expect(seen.sizes).toEqual([1]);
  });

  it("frees its slot when the batch throws, rejecting that batch's events", async () => {
    vi.mocked(processWebhookEventBatch).mockRejectedValueOnce(new Error("boom"));
    await expect(processSoon("x")).rejects.toThrow("boom");
    slowBatches(0);
    const outcomes = await Promise.all(Array.from({ length: CONCURRENCY * 2 }, (_, i) => processSoon(`y${i}`)));
    expect(outcomes).toHaveLength(CONCURRENCY * 2);
  });

  it("yields to acknowledgements: BUSY_CONCURRENCY batches while deliveries are in flight, all slots once they end", async () => {
    const seen = slowBatches(5);
    const endAck = beginAcknowledgement();
    const busy = Array.from({ length: BATCH_SIZE * 3 }, (_, i) => processSoon(`busy-${i}`));
    await new Promise((resolve) => setTimeout(resolve, 40));
    const duringBurst = [...seen.peaks];
    expect(duringBurst.length).toBeGreaterThan(1);
    expect(Math.max(...duringBurst)).toBe(BUSY_CONCURRENCY);

    const more = Array.from({ length: BATCH_SIZE * CONCURRENCY * 3 }, (_, i) => processSoon(`idle-${i}`));
    endAck();
    endAck(); // ending twice counts once
    const outcomes = await Promise.all([...busy, ...more]);
    expect(outcomes).toHaveLength(BATCH_SIZE * 3 + BATCH_SIZE * CONCURRENCY * 3);
    expect(Math.max(...seen.peaks)).toBe(CONCURRENCY);
    expect(seen.active).toBe(0);
  });

  it("turns events away when the queue is full, then fetches them back from the database once it empties", async () => {
    const seen = slowBatches(0);
    const turnedAway = ["late-1", "late-2", "late-3"];
    // The database's backlog: the turned-away events (once), then nothing.
    vi.mocked(freshUnprocessedEventIds).mockResolvedValueOnce(turnedAway).mockResolvedValue([]);

    const endAck = beginAcknowledgement(); // keeps processing to one batch at a time, so the queue fills
    const queued = Array.from({ length: MAX_QUEUED + BATCH_SIZE + 1 }, (_, i) => processSoon(`q-${i}`));
    const refused = await Promise.all(turnedAway.map((id) => processSoon(id)));
    expect(refused).toEqual([null, null, null]);
    endAck();
    await Promise.all(queued);
    await vi.waitFor(() => expect(seen.ids).toEqual(expect.arrayContaining(turnedAway)), { timeout: 5_000 });
    expect(freshUnprocessedEventIds).toHaveBeenCalled();
  });
});
