/**
 * The data a real-time signal may carry (events.ts): the conversation's list row and the timeline
 * bubble, so that every open browser shows a new message without a read of its own (a 50-agent
 * team would otherwise multiply each inbound message by 50 authorised reads). On the wire dates are
 * ISO strings; `rowFromWire` / `messageFromWire` give the client the shapes the page's reads give.
 *
 * What a channel's members may see: every member of a workspace may view every conversation
 * (permission "conversation:view" is everyone's), so a row or bubble leaks nothing the member's own
 * read would not return. Pusher refuses an event over 10 KB: `fitsInSignal` leaves an item out
 * past SIGNAL_ITEM_BUDGET, and the client then reads it as before.
 */
import { z } from "zod";
import { ConversationStatus, MediaStatus, MessageDirection, MessageStatus, MessageType } from "@/lib/generated/prisma/enums";
import type { ConversationListItem } from "@/lib/services/inbox/list-conversations";
import type { TimelineMessage } from "@/lib/services/inbox/timeline-message";

const id = z.string().min(1).max(64);
const iso = z.string().datetime({ offset: true });
const text = (max: number) => z.string().max(max);

export const wireRowSchema = z.object({
  id,
  status: z.enum(ConversationStatus),
  unreadCount: z.number().int().nonnegative(),
  lastMessagePreview: text(500).nullable(),
  lastMessageAt: iso.nullable(),
  assignee: z.object({ id, name: text(200) }).nullable(),
  contact: z.object({ id, displayName: text(200).nullable(), phone: text(40).nullable() }),
});

export const wireMessageSchema = z.object({
  id,
  conversationId: id,
  direction: z.enum(MessageDirection),
  type: z.enum(MessageType),
  content: z.json(),
  previewText: text(5_000).nullable(),
  wamid: text(200).nullable(),
  status: z.enum(MessageStatus),
  timestamp: iso,
  sentAt: iso.nullable(),
  deliveredAt: iso.nullable(),
  readAt: iso.nullable(),
  failedAt: iso.nullable(),
  errorCode: z.number().int().nullable(),
  errorTitle: text(500).nullable(),
  errorDetails: text(2_000).nullable(),
  idempotencyKey: text(200).nullable(),
  author: z.object({ id, name: text(200).nullable() }).nullable(),
  media: z
    .array(
      z.object({
        id,
        status: z.enum(MediaStatus),
        mimeType: text(200),
        filename: text(500).nullable(),
        fileSize: z.number().int().nullable(),
        error: text(1_000).nullable(),
      }),
    )
    .max(10),
  reactions: z.array(z.object({ emoji: text(32), direction: z.enum(MessageDirection), at: iso })).max(2),
  replyTo: z.object({ id: id.nullable(), preview: text(500).nullable(), direction: z.enum(MessageDirection).nullable() }).nullable(),
  campaign: z.object({ id, name: text(200), role: z.enum(["sent", "reply"]) }).nullable(),
});

export type WireRow = z.infer<typeof wireRowSchema>;
export type WireMessage = z.infer<typeof wireMessageSchema>;

const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);
const dateOrNull = (value: string | null) => (value ? new Date(value) : null);

export function rowToWire(row: ConversationListItem): WireRow {
  return { ...row, lastMessageAt: isoOrNull(row.lastMessageAt) };
}

export function rowFromWire(row: WireRow): ConversationListItem {
  return { ...row, lastMessageAt: dateOrNull(row.lastMessageAt) };
}

export function messageToWire(message: TimelineMessage): WireMessage {
  return {
    ...message,
    // Prisma's JSON type allows `undefined` members, which JSON drops anyway.
    content: z.json().parse(message.content),
    timestamp: message.timestamp.toISOString(),
    sentAt: isoOrNull(message.sentAt),
    deliveredAt: isoOrNull(message.deliveredAt),
    readAt: isoOrNull(message.readAt),
    failedAt: isoOrNull(message.failedAt),
    reactions: message.reactions.map((r) => ({ ...r, at: r.at.toISOString() })),
  };
}

export function messageFromWire(message: WireMessage): TimelineMessage {
  return {
    ...message,
    timestamp: new Date(message.timestamp),
    sentAt: dateOrNull(message.sentAt),
    deliveredAt: dateOrNull(message.deliveredAt),
    readAt: dateOrNull(message.readAt),
    failedAt: dateOrNull(message.failedAt),
    reactions: message.reactions.map((r) => ({ ...r, at: new Date(r.at) })),
  };
}

/**
 * Pusher's limit is 10 KB for the event's data; the ids, names and the channel take a few hundred
 * bytes, so carried items together stay under this many bytes of JSON.
 */
export const SIGNAL_ITEM_BUDGET = 9_000;

/** The item if its JSON fits in what is left of the budget, else undefined (the client reads it). */
export function fitsInSignal<T>(item: T | undefined, used = 0): { item: T | undefined; bytes: number } {
  if (item === undefined) return { item, bytes: 0 };
  const bytes = new TextEncoder().encode(JSON.stringify(item)).length;
  return used + bytes <= SIGNAL_ITEM_BUDGET ? { item, bytes } : { item: undefined, bytes: 0 };
}
