/**
 * The catch-up triggers a browser gives: a tab visible again after a long time hidden, and a
 * machine waking from sleep (an interval firing far too late). A stand-in document and fake
 * timers; the logic is all in the timings.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { watchForWake } from "./wake-detector";

class FakeDocument extends EventTarget {
  visibilityState: "visible" | "hidden" = "visible";
  set(state: "visible" | "hidden") {
    this.visibilityState = state;
    this.dispatchEvent(new Event("visibilitychange"));
  }
}

let doc: FakeDocument;
beforeEach(() => {
  vi.useFakeTimers();
  doc = new FakeDocument();
  vi.stubGlobal("document", doc);
  vi.stubGlobal("window", globalThis);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe("watchForWake", () => {
  it("fires when the tab comes back after a minute or more hidden, not after a glance away", async () => {
    const onWake = vi.fn();
    const stop = watchForWake(onWake);
    doc.set("hidden");
    await vi.advanceTimersByTimeAsync(10_000);
    doc.set("visible");
    expect(onWake).not.toHaveBeenCalled();
    doc.set("hidden");
    await vi.advanceTimersByTimeAsync(61_000);
    doc.set("visible");
    expect(onWake).toHaveBeenCalledTimes(1);
    stop();
  });

  it("fires when the machine slept with the tab visible (timers stalled), and not while awake", async () => {
    const onWake = vi.fn();
    const stop = watchForWake(onWake);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(onWake).not.toHaveBeenCalled();
    // Suspend: the clock jumps 10 minutes while no timer ran.
    vi.setSystemTime(Date.now() + 10 * 60_000);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(onWake).toHaveBeenCalledTimes(1);
    stop();
  });

  it("a sleep noticed while hidden fires when the tab is shown", async () => {
    const onWake = vi.fn();
    const stop = watchForWake(onWake);
    doc.set("hidden");
    vi.setSystemTime(Date.now() + 10 * 60_000);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(onWake).not.toHaveBeenCalled();
    doc.set("visible");
    expect(onWake).toHaveBeenCalledTimes(1);
    stop();
  });

  it("stops listening when stopped", async () => {
    const onWake = vi.fn();
    watchForWake(onWake)();
    doc.set("hidden");
    await vi.advanceTimersByTimeAsync(120_000);
    doc.set("visible");
    expect(onWake).not.toHaveBeenCalled();
  });
});
