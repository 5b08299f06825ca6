import { describe, expect, it } from "vitest";
import { failOptimistic, mergeMessages, optimisticId, settleOptimistic } from "./merge-messages";
import type { ViewMessage } from "./types";

function message(id: string, iso: string, extra: Partial<ViewMessage> = {}): ViewMessage {
  return {
    id,
    direction: "outbound",
    type: "text",
    content: { body: id },
    previewText: id,
    status: "sent",
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

describe("mergeMessages", () => {
  it("dedupes by id, newest copy wins, sorted oldest first", () => {
    const current = [message("a", "2026-11-25T09:00:00Z"), message("b", "2026-11-25T09:05:00Z")];
    const merged = mergeMessages(current, [message("b", "2026-11-25T09:05:00Z", { status: "read" }), message("c", "2026-11-25T08:00:00Z")]);
    expect(merged.map((m) => [m.id, m.status])).toEqual([
      ["c", "sent"],
      ["a", "sent"],
      ["b", "read"],
    ]);
  });

  it("drops an optimistic bubble when the server's copy carries its idempotency key", () => {
    const pending = message(optimisticId("k1"), "2026-11-25T09:00:00Z", { clientKey: "k1", status: "pending" });
    const merged = mergeMessages([pending], [message("real", "2026-11-25T09:00:01Z", { idempotencyKey: "k1" })]);
    expect(merged.map((m) => m.id)).toEqual(["real"]);
  });

  it("returns the same array when nothing arrives", () => {
    const current = [message("a", "2026-11-25T09:00:00Z")];
    expect(mergeMessages(current, [])).toBe(current);
  });
});

describe("settleOptimistic / failOptimistic", () => {
  const pending = message(optimisticId("k1"), "2026-11-25T09:00:00Z", { clientKey: "k1", status: "pending" });

  it("replaces the optimistic bubble with the server's message, once", () => {
    const real = message("real", "2026-11-25T09:00:01Z");
    // The live echo may land first: still one bubble.
    const echoed = mergeMessages([pending], [real]);
    expect(settleOptimistic(echoed, "k1", real).map((m) => m.id)).toEqual(["real"]);
  });

  it("marks the optimistic bubble failed with the reason", () => {
    const failed = failOptimistic([pending], "k1", "Network error");
    expect(failed[0]).toMatchObject({ status: "failed", errorTitle: "Network error", clientKey: "k1" });
  });
});
