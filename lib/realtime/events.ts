/**
 * The real-time contract between the server (lib/realtime/publish.ts) and the browser
 * (components/realtime): channel names, event names and their payloads.
 *
 * Events are signals that may carry the conversation's list row and the message's timeline bubble
 * (wire.ts), so open browsers update without a read of their own; an item is left out when it
 * would not fit in Pusher's 10 KB, and then the client refetches it through the same authorised
 * reads the page uses. A missed event is repaired by refetching (the reconnect catch-up).
 */
import { z } from "zod";
import { wireMessageSchema, wireRowSchema } from "./wire";

/** Every member of the workspace; authorised by POST /api/realtime/auth for members only. */
export function workspaceChannel(workspaceId: string): string {
  return `private-workspace-${workspaceId}`;
}

/** One user's personal notifications (e.g. "a conversation was assigned to you"). */
export function userChannel(userId: string): string {
  return `private-user-${userId}`;
}

const id = z.string().min(1).max(64);
const iso = z.string().datetime({ offset: true });

export const realtimeEventSchemas = {
  /** A message was stored in a conversation (inbound from Meta, or sent by an agent / the API / a campaign). */
  "message.created": z.object({
    conversationId: id,
    messageId: id,
    direction: z.enum(["inbound", "outbound"]),
    at: iso,
    /** The bubble (absent for a reaction, or when too large). */
    message: wireMessageSchema.optional(),
    /** The conversation's list row after the message (absent when too large). */
    row: wireRowSchema.optional(),
  }),
  /** An outbound message's status moved (sent → delivered → read, or failed). */
  "message.status": z.object({
    conversationId: id,
    messageId: id,
    status: z.enum(["pending", "sent", "delivered", "read", "failed", "received"]),
    at: iso,
    message: wireMessageSchema.optional(),
  }),
  /** Assignment, open/resolved, unread count, last activity or a new internal note changed. */
  "conversation.updated": z.object({
    conversationId: id,
    changes: z.array(z.enum(["assignee", "status", "unread", "activity", "note"])).min(1),
    at: iso,
    row: wireRowSchema.optional(),
  }),
  /** A contact's details, tags, groups or opt-out changed. */
  "contact.updated": z.object({ contactId: id, at: iso }),
  /** Many contacts changed at once (a bulk delete, group or tag change): lists showing them reload. */
  "contacts.changed": z.object({ at: iso }),
  /**
   * A template changed: its review status, quality rating or category (Meta's template webhooks),
   * or a submit, edit, delete, draft save or sync in Parley. `status` "DELETED" once the row is gone.
   */
  "template.updated": z.object({
    templateId: id,
    status: z.string().max(40),
    qualityScore: z.string().max(16).nullable().optional(),
    category: z.string().max(32).optional(),
    at: iso,
  }),
  /** A campaign's counters (throttled by the publisher: at most a few per second per campaign). */
  "campaign.progress": z.object({
    campaignId: id,
    status: z.string().max(16).optional(),
    total: z.number().int().nonnegative(),
    /** Recipients not yet settled (queued, or claimed and unconfirmed). */
    pending: z.number().int().nonnegative().optional(),
    sent: z.number().int().nonnegative(),
    delivered: z.number().int().nonnegative(),
    read: z.number().int().nonnegative(),
    replied: z.number().int().nonnegative().optional(),
    clicked: z.number().int().nonnegative().optional(),
    failed: z.number().int().nonnegative(),
    skipped: z.number().int().nonnegative().optional(),
    at: iso,
  }),
  /** A CSV import's counters after each committed batch; `done` on the last one. */
  "contact-import.progress": z.object({
    importId: id,
    rowsDone: z.number().int().nonnegative(),
    created: z.number().int().nonnegative(),
    updated: z.number().int().nonnegative(),
    skipped: z.number().int().nonnegative(),
    rejected: z.number().int().nonnegative(),
    done: z.boolean().optional(),
    at: iso,
  }),
  /** On a user channel: something for this user personally. */
  "user.notification": z.object({
    kind: z.enum(["conversation.assigned"]),
    workspaceId: id,
    conversationId: id.optional(),
    at: iso,
  }),
} as const;

export type RealtimeEventName = keyof typeof realtimeEventSchemas;
export type RealtimeEvent<N extends RealtimeEventName = RealtimeEventName> = z.infer<(typeof realtimeEventSchemas)[N]>;
