import { describe, expect, it } from "vitest";
import { applyProgress, isE164, isoToSchedule, pendingOf, percent, progressPercent, rates, scheduleToIso, type CampaignCounters } from "./progress";

const row: CampaignCounters = {
  status: "sending",
  totalCount: 200,
  sentCount: 100,
  deliveredCount: 80,
  readCount: 41,
  repliedCount: 5,
  clickedCount: 2,
  failedCount: 10,
  skippedCount: 10,
};

describe("percent", () => {
  it("rounds to a whole share", () => expect(percent(1, 3)).toBe(33));
  it("is 0 for an empty whole, never NaN", () => {
    expect(percent(0, 0)).toBe(0);
    expect(percent(5, 0)).toBe(0);
  });
  it("never goes past 100", () => expect(percent(12, 10)).toBe(100));
});

describe("progress", () => {
  it("counts sent, failed and skipped as settled on a list row", () => {
    expect(pendingOf(row)).toBe(80);
    expect(progressPercent(row)).toBe(60);
  });
  it("takes the signal's pending count when there is one", () => {
    expect(progressPercent({ ...row, pendingCount: 20 })).toBe(90);
  });
  it("is 0 for a campaign with no recipients yet", () => expect(progressPercent({ ...row, totalCount: 0, sentCount: 0, failedCount: 0, skippedCount: 0 })).toBe(0));
});

describe("rates", () => {
  it("are shares of the sent", () => expect(rates(row)).toEqual({ delivered: 80, read: 41, replied: 5, clicked: 2 }));
  it("are 0 before anything is sent", () => expect(rates({ ...row, sentCount: 0 })).toEqual({ delivered: 0, read: 0, replied: 0, clicked: 0 }));
});

describe("applyProgress", () => {
  it("patches the counters and keeps those the signal left out", () => {
    const next = applyProgress(row, { total: 200, sent: 150, delivered: 120, read: 60, failed: 12 });
    expect(next).toMatchObject({ status: "sending", sentCount: 150, deliveredCount: 120, readCount: 60, failedCount: 12, repliedCount: 5, clickedCount: 2, skippedCount: 10 });
    expect(next).not.toHaveProperty("pendingCount");
  });
  it("takes the status and pending count when given", () => {
    expect(applyProgress(row, { status: "completed", total: 200, pending: 0, sent: 180, delivered: 170, read: 90, replied: 9, clicked: 3, failed: 10, skipped: 10 })).toMatchObject({ status: "completed", pendingCount: 0, repliedCount: 9, clickedCount: 3 });
  });
});

describe("scheduleToIso", () => {
  it("reads the time on the workspace's clock", () => {
    expect(scheduleToIso("2026-12-24", "09:30", "Asia/Jakarta")).toBe("2026-12-24T02:30:00.000Z");
    expect(scheduleToIso("2026-07-01", "09:00", "Europe/London")).toBe("2026-07-01T08:00:00.000Z");
    expect(scheduleToIso("2026-12-01", "09:00", "Europe/London")).toBe("2026-12-01T09:00:00.000Z");
  });
  it("crosses the date line when the zone does", () => expect(scheduleToIso("2026-12-24", "03:00", "Asia/Jakarta")).toBe("2026-12-23T20:00:00.000Z"));
  it("refuses what is not a date and time", () => {
    expect(scheduleToIso("", "09:00", "UTC")).toBeNull();
    expect(scheduleToIso("2026-12-24", "", "UTC")).toBeNull();
    expect(scheduleToIso("2026-02-31", "09:00", "UTC")).toBeNull();
    expect(scheduleToIso("2026-12-24", "24:00", "UTC")).toBeNull();
  });
  it("round-trips through isoToSchedule", () => {
    expect(isoToSchedule("2026-12-24T02:30:00.000Z", "Asia/Jakarta")).toEqual({ date: "2026-12-24", time: "09:30" });
  });
});

describe("isE164", () => {
  it("takes + and 8–15 digits", () => {
    expect(isE164("+6281234567890")).toBe(true);
    expect(isE164("081234567890")).toBe(false);
    expect(isE164("+0123456789")).toBe(false);
    expect(isE164("+12")).toBe(false);
  });
});
