import { describe, expect, it } from "vitest";
import { windowState } from "./window-countdown";

const now = new Date("2026-11-25T10:00:00Z");

describe("windowState", () => {
  it("is closed when the customer never wrote or the window passed", () => {
    expect(windowState(null, now)).toEqual({ open: false });
    expect(windowState(new Date("2026-11-25T10:00:00Z"), now)).toEqual({ open: false });
    expect(windowState(new Date("2026-11-25T09:00:00Z"), now)).toEqual({ open: false });
  });

  it("gives hours and minutes left, rounding minutes up", () => {
    expect(windowState(new Date("2026-11-25T13:20:00Z"), now)).toMatchObject({ open: true, hoursLeft: 3, minutesLeft: 20 });
    expect(windowState(new Date("2026-11-25T10:00:30Z"), now)).toMatchObject({ open: true, hoursLeft: 0, minutesLeft: 1 });
    expect(windowState(new Date("2026-11-26T10:00:00Z"), now)).toMatchObject({ open: true, hoursLeft: 24, minutesLeft: 0 });
  });
});
