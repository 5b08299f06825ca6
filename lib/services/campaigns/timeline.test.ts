/** The bucket width rule of the campaign chart (the SQL applies the same, see timeline.integration-test.ts). */
import { describe, expect, it } from "vitest";
import { BUCKET_WIDTHS, MAX_BUCKETS, bucketWidthSeconds } from "./timeline";

const HOUR = 3600;
const DAY = 24 * HOUR;
const buckets = (first: number, last: number, width: number) => Math.floor(last / width) - Math.floor(first / width) + 1;

describe("bucketWidthSeconds", () => {
  it("gives seconds to a campaign of a minute, minutes to one of a day", () => {
    expect(bucketWidthSeconds(0, 0)).toBe(1);
    expect(bucketWidthSeconds(0, 59)).toBe(1); // 60 buckets of a second
    expect(bucketWidthSeconds(0, 60)).toBe(2); // 61 would be one too many
    expect(bucketWidthSeconds(0, DAY - 1)).toBe(30 * 60); // 48 half hours (15 minutes: 96)
    expect(bucketWidthSeconds(0, 15 * DAY)).toBe(12 * HOUR); // 31 (6 hours: 61)
  });

  it("counts buckets as aligned on the clock, not by the span alone", () => {
    // 59.2 seconds apart, yet touching 61 clock seconds (0 … 60): one bucket too many at 1 s.
    expect(bucketWidthSeconds(0.5, 59.5)).toBe(1);
    expect(bucketWidthSeconds(0.9, 60.1)).toBe(2);
  });

  it("never gives more than MAX_BUCKETS buckets within the listed widths, and the smallest that fits", () => {
    for (const [first, last] of [[0, 1], [17, 300], [1_000, 90_000], [123_456, 123_456 + 40 * DAY], [5, 5 + 300 * DAY]] as const) {
      const width = bucketWidthSeconds(first, last);
      expect(buckets(first, last, width)).toBeLessThanOrEqual(MAX_BUCKETS);
      const smaller = BUCKET_WIDTHS.filter((w) => w < width);
      for (const w of smaller) expect(buckets(first, last, w)).toBeGreaterThan(MAX_BUCKETS);
    }
  });

  it("past the largest listed width, takes whole weeks (a campaign read over years)", () => {
    const width = bucketWidthSeconds(0, 3650 * DAY);
    expect(width % (7 * DAY)).toBe(0);
    expect(width).toBe(9 * 7 * DAY);
    expect(buckets(0, 3650 * DAY, width)).toBeLessThanOrEqual(MAX_BUCKETS + 1);
  });
});
