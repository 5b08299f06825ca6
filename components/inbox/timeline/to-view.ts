/**
 * The contract's `TimelineMessage` / `ConversationNote` (lib/services/inbox) → the timeline's view
 * shapes. Type-only imports: nothing of the services reaches the browser bundle.
 */
import type { TimelineMessage } from "@/lib/services/inbox/list-messages";
import type { ConversationNote } from "@/lib/services/inbox/notes";
import type { ViewMessage, ViewNote } from "./types";

/** The stored payload as an object: an array payload (an outbound `contacts` send) is kept under its type's name. */
function asRecord(value: unknown, type: string): Record<string, unknown> {
  if (Array.isArray(value)) return { [type]: value };
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

export function toViewMessage(message: TimelineMessage): ViewMessage {
  const media = message.media[0];
  return {
    id: message.id,
    direction: message.direction,
    type: message.type,
    content: asRecord(message.content, message.type),
    previewText: message.previewText,
    status: message.status,
    timestamp: new Date(message.timestamp),
    errorCode: message.errorCode,
    errorTitle: message.errorTitle ?? message.errorDetails,
    idempotencyKey: message.idempotencyKey,
    author: message.author ? { id: message.author.id, name: message.author.name ?? "" } : null,
    media: media ? { id: media.id, status: media.status, mimeType: media.mimeType, filename: media.filename, size: media.fileSize, error: media.error } : null,
    reactions: message.reactions.map((r) => ({ emoji: r.emoji, direction: r.direction })),
    quoted: message.replyTo,
    campaign: message.campaign,
  };
}

export function toViewNote(note: ConversationNote): ViewNote {
  return { id: note.id, body: note.body, createdAt: new Date(note.createdAt), author: note.author ? { id: note.author.id, name: note.author.name ?? "" } : null };
}
