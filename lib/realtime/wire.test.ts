import { describe, expect, it } from "vitest";
import type { ConversationListItem } from "@/lib/services/inbox/list-conversations";
import type { TimelineMessage } from "@/lib/services/inbox/timeline-message";
import { realtimeEventSchemas } from "./events";
import { attach } from "./signal-items";
import { messageFromWire, messageToWire, rowFromWire, rowToWire, SIGNAL_ITEM_BUDGET } from "./wire";

const row: ConversationListItem = {
  id: "c1",
  status: "open",
  unreadCount: 2,
  lastMessagePreview: "Halo, pesanan saya?",
  lastMessageAt: new Date("2026-12-06T10:00:00.123Z"),
  assignee: { id: "u1", name: "Siti" },
  contact: { id: "k1", displayName: "Budi", phone: "+6281234567890" },
};

const message = (body: string): TimelineMessage => ({
  id: "m1",
  conversationId: "c1",
  direction: "inbound",
  type: "text",
  content: { body },
  previewText: body.slice(0, 200),
  wamid: "wamid.X",
  status: "received",
  timestamp: new Date("2026-12-06T10:00:00.123Z"),
  sentAt: null,
  deliveredAt: null,
  readAt: null,
  failedAt: null,
  errorCode: null,
  errorTitle: null,
  errorDetails: null,
  idempotencyKey: null,
  author: null,
  media: [{ id: "md1", status: "stored", mimeType: "image/jpeg", filename: null, fileSize: 1234, error: null }],
  reactions: [{ emoji: "👍", direction: "outbound", at: new Date("2026-12-06T10:01:00.000Z") }],
  replyTo: { id: null, preview: null, direction: null },
  campaign: null,
});

/** As pusher-js hands it over: JSON text parsed, then the event's schema, then the client's shape. */
const overTheWire = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

describe("signal items on the wire", () => {
  it("gives the client the very row and bubble the page's reads give", () => {
    const payload = attach({ conversationId: "c1", messageId: "m1", direction: "inbound" as const, at: "2026-12-06T10:00:00.200Z" }, { message: messageToWire(message("Halo")), row: rowToWire(row) });
    const parsed = realtimeEventSchemas["message.created"].parse(overTheWire(payload));
    expect(parsed.row && rowFromWire(parsed.row)).toEqual(row);
    expect(parsed.message && messageFromWire(parsed.message)).toEqual(message("Halo"));
  });

  it("leaves out what would pass Pusher's 10 KB, so the client reads it instead", () => {
    const huge = messageToWire(message("x".repeat(SIGNAL_ITEM_BUDGET)));
    const payload = attach({ conversationId: "c1", messageId: "m1", direction: "inbound" as const, at: "2026-12-06T10:00:00.200Z" }, { message: huge, row: rowToWire(row) });
    expect(payload.message).toBeUndefined();
    expect(payload.row).toEqual(rowToWire(row));
    expect(new TextEncoder().encode(JSON.stringify(payload)).length).toBeLessThan(10_000);
    // A bubble near the budget leaves no room for the row.
    const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;
    const large = messageToWire(message("y".repeat(SIGNAL_ITEM_BUDGET - 100 - 200 - bytes(messageToWire(message(""))))));
    expect(bytes(large)).toBe(SIGNAL_ITEM_BUDGET - 100);
    const both = attach({ conversationId: "c1" }, { message: large, row: rowToWire(row) });
    expect(both.message).toBeDefined();
    expect(both.row).toBeUndefined();
  });

  it("refuses a malformed item rather than showing it", () => {
    const bad = { ...rowToWire(row), unreadCount: -1 };
    expect(realtimeEventSchemas["conversation.updated"].safeParse({ conversationId: "c1", changes: ["unread"], at: "2026-12-06T10:00:00.200Z", row: bad }).success).toBe(false);
  });
});
