/** The throttle's timing, with fake timers and a recording sender (the sending itself is publish.ts's, tested elsewhere). */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { toWorkspace, type RealtimeMessage } from "./publish";
import { createThrottledPublisher } from "./throttle";

const at = new Date().toISOString();
const progress = (sent: number, campaignId = "k1") => toWorkspace("w", "campaign.progress", { campaignId, total: 100, sent, delivered: 0, read: 0, failed: 0, at });
const sentCounts = (batches: RealtimeMessage[][]) => batches.flat().map((m) => (m.payload as { sent: number }).sent);

let batches: RealtimeMessage[][];
const send = async (messages: RealtimeMessage[]) => {
  batches.push(messages);
};

beforeEach(() => {
  vi.useFakeTimers();
  batches = [];
});
afterEach(() => {
  vi.useRealTimers();
});

describe("createThrottledPublisher", () => {
  it("sends the first at once, then only the latest of a burst when the interval is up", async () => {
    const throttle = createThrottledPublisher(250, send);
    for (let sent = 1; sent <= 50; sent++) throttle.publish("k1", progress(sent));
    expect(sentCounts(batches)).toEqual([1]);
    await vi.advanceTimersByTimeAsync(250);
    expect(sentCounts(batches)).toEqual([1, 50]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sentCounts(batches)).toEqual([1, 50]);
  });

  it("keeps keys apart", async () => {
    const throttle = createThrottledPublisher(250, send);
    throttle.publish("k1", progress(1, "k1"));
    throttle.publish("k2", progress(7, "k2"));
    throttle.publish("k1", progress(2, "k1"));
    expect(sentCounts(batches)).toEqual([1, 7]);
    await vi.advanceTimersByTimeAsync(250);
    expect(sentCounts(batches)).toEqual([1, 7, 2]);
  });

  it("at most one per interval under a steady stream", async () => {
    const throttle = createThrottledPublisher(250, send);
    for (let ms = 0; ms < 2_000; ms += 10) {
      throttle.publish("k1", progress(ms));
      await vi.advanceTimersByTimeAsync(10);
    }
    await vi.advanceTimersByTimeAsync(250);
    expect(batches.length).toBeGreaterThanOrEqual(8);
    expect(batches.length).toBeLessThanOrEqual(9);
    expect(sentCounts(batches).at(-1)).toBe(1_990);
  });

  it("flush sends what waits, at once", async () => {
    const throttle = createThrottledPublisher(250, send);
    throttle.publish("k1", progress(1));
    throttle.publish("k1", progress(2));
    await throttle.flush();
    expect(sentCounts(batches)).toEqual([1, 2]);
    await vi.advanceTimersByTimeAsync(500);
    expect(sentCounts(batches)).toEqual([1, 2]);
  });

  it("makes a lazy message only when it is sent, and flush waits for one on its way", async () => {
    const throttle = createThrottledPublisher(250, send);
    let made = 0;
    const lazy = () => async () => progress(++made);
    for (let i = 0; i < 20; i++) throttle.publish("k1", lazy());
    await vi.advanceTimersByTimeAsync(0);
    expect(made).toBe(1);
    await vi.advanceTimersByTimeAsync(250);
    expect(made).toBe(2);
    expect(sentCounts(batches)).toEqual([1, 2]);
    // A message made slowly is still awaited by flush.
    let release = () => {};
    throttle.publish("k2", () => new Promise((resolve) => (release = () => resolve(progress(99, "k2")))));
    const flushed = throttle.flush();
    release();
    await flushed;
    expect(sentCounts(batches)).toEqual([1, 2, 99]);
  });

  it("never throws when making or sending fails, and sends the next one", async () => {
    const throttle = createThrottledPublisher(250, send);
    throttle.publish("k1", async () => {
      throw new Error("database gone");
    });
    throttle.publish("k1", progress(5));
    await vi.advanceTimersByTimeAsync(250);
    expect(sentCounts(batches)).toEqual([5]);
  });
});
