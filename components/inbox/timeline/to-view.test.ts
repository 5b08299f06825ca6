import { describe, expect, it } from "vitest";
import type { TimelineMessage } from "@/lib/services/inbox/list-messages";
import { toViewMessage } from "./to-view";

function timelineMessage(extra: Partial<TimelineMessage>): TimelineMessage {
  return {
    id: "m1",
    conversationId: "c1",
    direction: "inbound",
    type: "text",
    content: { body: "hi" },
    previewText: "hi",
    wamid: "wamid.1",
    status: "received",
    timestamp: new Date("2026-11-25T10:00:00Z"),
    sentAt: null,
    deliveredAt: null,
    readAt: null,
    failedAt: null,
    errorCode: null,
    errorTitle: null,
    errorDetails: null,
    idempotencyKey: null,
    author: null,
    media: [],
    reactions: [],
    replyTo: null,
    campaign: null,
    ...extra,
  };
}

describe("toViewMessage", () => {
  it("keeps the first media, the reactions and the quote", () => {
    const view = toViewMessage(
      timelineMessage({
        type: "image",
        media: [{ id: "md1", status: "stored", mimeType: "image/jpeg", filename: null, fileSize: 2048, error: null }],
        reactions: [{ emoji: "👍", direction: "outbound", at: new Date() }],
        replyTo: { id: "m0", preview: "earlier", direction: "outbound" },
      }),
    );
    expect(view.media).toEqual({ id: "md1", status: "stored", mimeType: "image/jpeg", filename: null, size: 2048, error: null });
    expect(view.reactions).toEqual([{ emoji: "👍", direction: "outbound" }]);
    expect(view.quoted).toEqual({ id: "m0", preview: "earlier", direction: "outbound" });
  });

  it("falls back to Meta's error details and names a nameless author", () => {
    const view = toViewMessage(timelineMessage({ direction: "outbound", status: "failed", errorCode: 131047, errorDetails: "Re-engagement message", author: { id: "u1", name: null } }));
    expect(view).toMatchObject({ errorCode: 131047, errorTitle: "Re-engagement message", author: { id: "u1", name: "" } });
  });

  it("wraps an array payload under its type and ignores a scalar one", () => {
    expect(toViewMessage(timelineMessage({ type: "contacts", content: [{ name: { formatted_name: "Ana" } }] })).content).toEqual({
      contacts: [{ name: { formatted_name: "Ana" } }],
    });
    expect(toViewMessage(timelineMessage({ content: "oops" })).content).toEqual({});
  });
});
