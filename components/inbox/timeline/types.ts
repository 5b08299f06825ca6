/**
 * What the timeline draws. The bubbles code against these view shapes, not the service's
 * `TimelineMessage` directly: `to-view.ts` is the one place that maps the contract's shape
 * (lib/services/inbox/README.md) onto them, so a change there touches one file here.
 */
export type MessageDirection = "inbound" | "outbound";
export type MessageStatus = "pending" | "sent" | "delivered" | "read" | "failed" | "received";
export type MediaStatus = "pending" | "stored" | "unavailable" | "deleted";

export interface ViewMedia {
  id: string;
  status: MediaStatus;
  mimeType: string;
  filename: string | null;
  size: number | null;
  error: string | null;
}

export interface ViewReaction {
  emoji: string;
  direction: MessageDirection;
}

export interface ViewQuote {
  id: string | null;
  preview: string | null;
  direction: MessageDirection | null;
}

export interface ViewMessage {
  id: string;
  direction: MessageDirection;
  type: string;
  /** Meta's payload for the type (text.body, image.caption, location, template…). */
  content: Record<string, unknown>;
  previewText: string | null;
  status: MessageStatus;
  timestamp: Date;
  errorCode: number | null;
  errorTitle: string | null;
  author: { id: string; name: string } | null;
  media: ViewMedia | null;
  reactions: ViewReaction[];
  quoted: ViewQuote | null;
  /** The campaign that sent it, or that it replies to (absent on optimistic bubbles). */
  campaign?: { id: string; name: string; role: "sent" | "reply" } | null;
  /** Set on a send still in flight or failed before the server answered (optimistic bubble). */
  clientKey?: string;
  /** The server's idempotency key when the contract exposes it (lets a live echo replace the optimistic bubble). */
  idempotencyKey?: string | null;
}

export interface ViewNote {
  id: string;
  body: string;
  createdAt: Date;
  author: { id: string; name: string } | null;
}
