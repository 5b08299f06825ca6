/**
 * What Meta takes as an attachment, for a sniffed type: its kind and size limit (lib/whatsapp's
 * table of Meta's types), with two refinements: Ogg must be Opus, and WebP is only a sticker
 * (agents attach pictures, which are converted to JPEG before this check).
 */
import { baseMimeType, mediaTypeOf, type MediaKind } from "@/lib/whatsapp/media/limits";

export function attachmentType(mimeType: string): { kind: MediaKind; maxBytes: number } | undefined {
  if (/codecs=/.test(mimeType) && baseMimeType(mimeType) === "audio/ogg" && !/codecs="?opus/.test(mimeType)) return undefined;
  const type = mediaTypeOf(mimeType);
  return type?.kind === "sticker" ? undefined : type;
}
