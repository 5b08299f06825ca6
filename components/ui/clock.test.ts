import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createClockStore } from "./clock";

describe("createClockStore", () => {
  let time: number;
  const read = () => time;

  beforeEach(() => {
    vi.useFakeTimers();
    time = 1_000_250;
  });
  afterEach(() => vi.useRealTimers());

  it("gives one instant within a second, so React sees a stable snapshot", () => {
    const clock = createClockStore(read, 10_000);
    expect(clock.now()).toBe(1_001_000);
    time += 750; // 1_001_000: still that second
    expect(clock.now()).toBe(1_001_000);
    time += 1;
    expect(clock.now()).toBe(1_002_000);
  });

  it("is never behind the real time", () => {
    const clock = createClockStore(read, 10_000);
    for (const step of [1, 999, 1_000, 25_000, 3]) {
      time += step;
      expect(clock.now()).toBeGreaterThanOrEqual(time);
      expect(clock.now() - time).toBeLessThan(1_000);
    }
  });

  it("has its listeners look again every tick, one timer for all, stopped when the last one leaves", () => {
    const clock = createClockStore(read, 10_000);
    const a = vi.fn();
    const b = vi.fn();
    const stopA = clock.subscribe(a);
    const stopB = clock.subscribe(b);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(20_000);
    expect(a).toHaveBeenCalledTimes(2);
    expect(b).toHaveBeenCalledTimes(2);

    stopA();
    vi.advanceTimersByTime(10_000);
    expect(a).toHaveBeenCalledTimes(2);
    expect(b).toHaveBeenCalledTimes(3);
    stopB();
    expect(vi.getTimerCount()).toBe(0);
  });
});
