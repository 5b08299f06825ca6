import { describe, expect, it } from "vitest";
import type { ConversationListItem } from "@/lib/services/inbox/list-conversations";
import { appendPage, belongsTo, upsertRow } from "./list-rows";

const row = (id: string, minutesAgo: number, extra: Partial<ConversationListItem> = {}): ConversationListItem => ({
  id,
  status: "open",
  unreadCount: 0,
  lastMessagePreview: null,
  lastMessageAt: new Date(Date.UTC(2026, 10, 25, 12, 0) - minutesAgo * 60_000),
  assignee: null,
  contact: { id: `ct-${id}`, displayName: id, phone: null },
  ...extra,
});
const options = { filter: "all" as const, userId: "me", searching: false, complete: false };

describe("belongsTo", () => {
  it("follows each filter", () => {
    const mine = row("a", 1, { assignee: { id: "me", name: "Me" }, unreadCount: 2 });
    expect(["all", "mine", "unassigned", "unread", "resolved"].map((f) => belongsTo(mine, f as never, "me"))).toEqual([true, true, false, true, false]);
    expect(belongsTo(row("b", 1, { status: "resolved" }), "resolved", "me")).toBe(true);
    expect(belongsTo(row("b", 1, { status: "resolved" }), "all", "me")).toBe(false);
  });
});

describe("upsertRow", () => {
  it("moves a row with new activity to the top", () => {
    const rows = [row("a", 1), row("b", 2), row("c", 3)];
    expect(upsertRow(rows, row("c", 0), options).map((r) => r.id)).toEqual(["c", "a", "b"]);
  });

  it("adds a new row above the loaded ones, but not one a later page will bring", () => {
    const rows = [row("a", 1), row("b", 2)];
    expect(upsertRow(rows, row("new", 0), options).map((r) => r.id)).toEqual(["new", "a", "b"]);
    expect(upsertRow(rows, row("old", 9), options).map((r) => r.id)).toEqual(["a", "b"]);
    expect(upsertRow(rows, row("old", 9), { ...options, complete: true }).map((r) => r.id)).toEqual(["a", "b", "old"]);
  });

  it("removes a row that left the filter, and never adds one while searching", () => {
    const rows = [row("a", 1), row("b", 2)];
    expect(upsertRow(rows, row("a", 1, { status: "resolved" }), options).map((r) => r.id)).toEqual(["b"]);
    expect(upsertRow(rows, row("new", 0), { ...options, searching: true })).toBe(rows);
  });
});

describe("appendPage", () => {
  it("skips rows already shown", () => {
    expect(appendPage([row("a", 1), row("b", 2)], [row("b", 2), row("c", 3)]).map((r) => r.id)).toEqual(["a", "b", "c"]);
  });
});
