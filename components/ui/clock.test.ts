import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createClockStore } from "./clock";

describe("createClockStore", () => {
  let time: number;
  const read = () => time;

  beforeEach(() => {
    vi.useFakeTimers();
    time = 1_000_000;
  });
  afterEach(() => vi.useRealTimers());

  it("gives one instant between ticks, so React sees a stable snapshot", () => {
    const clock = createClockStore(read, 10_000);
    const first = clock.now();
    time += 9_999;
    expect(clock.now()).toBe(first);
  });

  it("takes a fresh instant when the last is a tick old, even with no one listening", () => {
    const clock = createClockStore(read, 10_000);
    time += 25_000;
    expect(clock.now()).toBe(1_025_000);
  });

  it("advances every tick while someone listens, and stops when the last one leaves", () => {
    const clock = createClockStore(read, 10_000);
    const a = vi.fn();
    const b = vi.fn();
    const stopA = clock.subscribe(a);
    const stopB = clock.subscribe(b);
    time += 10_000;
    vi.advanceTimersByTime(10_000);
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(1);
    expect(clock.now()).toBe(1_010_000);

    stopA();
    stopB();
    expect(vi.getTimerCount()).toBe(0);
  });
});
