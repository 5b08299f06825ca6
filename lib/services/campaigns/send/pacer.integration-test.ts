/**
 * The shared pacer of a number: reservations from anyone follow one another at the rate, a late
 * sender catches up by at most CATCH_UP_SECONDS, and Meta's throughput error holds every send back.
 */
import { describe, expect, it } from "vitest";
import { backOff, CATCH_UP_SECONDS, reserveSends } from "./pacer";

let numbers = 0;
const freshNumber = () => `pacer-${process.pid}-${Date.now()}-${(numbers += 1)}`;

describe("reserveSends", () => {
  it("hands consecutive, non-overlapping slots to every sender of the number at its rate", async () => {
    const number = freshNumber();
    const t = Date.now();
    const now = new Date(t);
    expect(await reserveSends(number, 10, 100, now)).toBe(t);
    // Another worker asking at the same moment gets the next 100 ms, then the one after.
    expect(await reserveSends(number, 10, 100, now)).toBe(t + 100);
    expect(await reserveSends(number, 5, 100, now)).toBe(t + 200);
    // Another number is paced on its own.
    expect(await reserveSends(freshNumber(), 10, 100, now)).toBe(t);
  });

  it("lets a sender that fell behind catch up by at most the tolerance", async () => {
    const number = freshNumber();
    const t = Date.now();
    await reserveSends(number, 10, 100, new Date(t)); // slots up to t + 100
    // Asking 1 s later: the idle time is not sent in a burst, only the tolerance.
    expect(await reserveSends(number, 10, 100, new Date(t + 1_000))).toBe(t + 1_000 - CATCH_UP_SECONDS * 1000);
    // Just behind (within the tolerance): it starts where the last reservation ended.
    const end = t + 1_000 - CATCH_UP_SECONDS * 1000 + 100;
    expect(await reserveSends(number, 10, 100, new Date(end + 50))).toBe(end);
  });

  it("holds every sender of the number back until Meta's throughput back-off ends", async () => {
    const number = freshNumber();
    const t = Date.now();
    await reserveSends(number, 10, 100, new Date(t));
    await backOff(number, new Date(t + 5_000));
    expect(await reserveSends(number, 10, 100, new Date(t + 200))).toBe(t + 5_000);
    // An earlier back-off never shortens a later one.
    await backOff(number, new Date(t + 1_000));
    expect(await reserveSends(number, 1, 100, new Date(t + 300))).toBe(t + 5_100);
  });
});
