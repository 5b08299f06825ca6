/**
 * The largest file we keep for an inbound media, by Meta's limits (META.md): images 5 MB, audio
 * and video 16 MB, documents 100 MB, stickers 500 KB (animated; static ones are 100 KB). The
 * message's type decides; a type we cannot tell falls back to the MIME type, then to Meta's
 * largest (100 MB), so nothing unbounded is ever read.
 */
import type { MessageType } from "@/lib/generated/prisma/enums";
import { MAX_MEDIA_BYTES, mediaTypeOf } from "@/lib/whatsapp/media/limits";

const KB = 1024;
const MB = 1024 * KB;

const BY_MESSAGE_TYPE: Partial<Record<MessageType, number>> = {
  image: 5 * MB,
  video: 16 * MB,
  audio: 16 * MB,
  document: 100 * MB,
  sticker: 500 * KB,
};

export function inboundLimitBytes(messageType: MessageType | null | undefined, mimeType: string): number {
  return (messageType && BY_MESSAGE_TYPE[messageType]) || mediaTypeOf(mimeType)?.maxBytes || MAX_MEDIA_BYTES;
}

/** "5 MB", "500 KB": a limit as people read it (for error texts and AppError params). */
export function formatBytes(bytes: number): string {
  if (bytes >= MB && bytes % MB === 0) return `${bytes / MB} MB`;
  if (bytes >= KB && bytes % KB === 0) return `${bytes / KB} KB`;
  return `${bytes} bytes`;
}
