import { describe, expect, it } from "vitest";
import { buildTimeline, dayKey, dayLabel } from "./day-groups";
import type { ViewMessage } from "./types";

const JAKARTA = "Asia/Jakarta"; // UTC+7, no DST

function message(id: string, iso: string, extra: Partial<ViewMessage> = {}): ViewMessage {
  return {
    id,
    direction: "inbound",
    type: "text",
    content: { body: id },
    previewText: id,
    status: "received",
    timestamp: new Date(iso),
    errorCode: null,
    errorTitle: null,
    author: null,
    media: null,
    reactions: [],
    quoted: null,
    ...extra,
  };
}

describe("dayKey / dayLabel", () => {
  it("uses the workspace's time zone, not UTC", () => {
    // 18:30 UTC on the 24th is 01:30 on the 25th in Jakarta.
    expect(dayKey(new Date("2026-11-24T18:30:00Z"), JAKARTA)).toBe("2026-11-25");
    expect(dayKey(new Date("2026-11-24T18:30:00Z"), "UTC")).toBe("2026-11-24");
  });

  it("says today, yesterday, or the date", () => {
    const now = new Date("2026-11-25T10:00:00Z"); // 17:00 in Jakarta
    expect(dayLabel(new Date("2026-11-24T17:30:00Z"), dayKey(now, JAKARTA), JAKARTA)).toEqual({ kind: "today" });
    expect(dayLabel(new Date("2026-11-24T16:30:00Z"), dayKey(now, JAKARTA), JAKARTA)).toEqual({ kind: "yesterday" });
    const older = new Date("2026-11-23T10:00:00Z");
    expect(dayLabel(older, dayKey(now, JAKARTA), JAKARTA)).toEqual({ kind: "date", date: older });
  });

  it("knows yesterday across a month and a year", () => {
    expect(dayLabel(new Date("2026-12-31T12:00:00Z"), dayKey(new Date("2027-01-01T12:00:00Z"), "UTC"), "UTC")).toEqual({ kind: "yesterday" });
    expect(dayLabel(new Date("2026-02-28T12:00:00Z"), dayKey(new Date("2026-03-01T12:00:00Z"), "UTC"), "UTC")).toEqual({ kind: "yesterday" });
  });
});

describe("buildTimeline", () => {
  const now = new Date("2026-11-25T10:00:00Z");

  it("sorts messages and notes by time with a separator per day", () => {
    const items = buildTimeline(
      [message("b", "2026-11-25T09:00:00Z"), message("a", "2026-11-24T09:00:00Z")],
      [{ id: "n", body: "note", createdAt: new Date("2026-11-25T08:00:00Z"), author: null }],
      { today: dayKey(now, "UTC"), timeZone: "UTC" },
    );
    expect(items.map((i) => i.key)).toEqual(["day-2026-11-24", "a", "day-2026-11-25", "note-n", "b"]);
    expect(items[0]).toMatchObject({ label: { kind: "yesterday" } });
    expect(items[2]).toMatchObject({ label: { kind: "today" } });
  });

  it("shows the author only when the sender changes", () => {
    const ana = { id: "u1", name: "Ana" };
    const budi = { id: "u2", name: "Budi" };
    const items = buildTimeline(
      [
        message("1", "2026-11-25T09:00:00Z", { direction: "outbound", author: ana, status: "sent" }),
        message("2", "2026-11-25T09:01:00Z", { direction: "outbound", author: ana, status: "sent" }),
        message("3", "2026-11-25T09:02:00Z", { direction: "outbound", author: budi, status: "sent" }),
        message("4", "2026-11-25T09:03:00Z"),
        message("5", "2026-11-25T09:04:00Z"),
      ],
      [],
      { today: dayKey(now, "UTC"), timeZone: "UTC" },
    );
    const flags = items.flatMap((i) => (i.kind === "message" ? [[i.message.id, i.showAuthor]] : []));
    expect(flags).toEqual([
      ["1", true],
      ["2", false],
      ["3", true],
      ["4", true],
      ["5", false],
    ]);
  });

  it("keys an optimistic bubble by its client key", () => {
    const items = buildTimeline([message("tmp", "2026-11-25T09:00:00Z", { clientKey: "k-1" })], [], { today: dayKey(now, "UTC"), timeZone: "UTC" });
    expect(items[1]?.key).toBe("k-1");
  });
});
