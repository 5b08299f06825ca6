/**
 * Media types Cloud API accepts and their size limits (META.md; Meta's "Supported media types").
 * Checked before an upload so a file Meta would refuse (131053) is refused here, unsent.
 */

const KB = 1024;
const MB = 1024 * KB;

export type MediaKind = "image" | "audio" | "video" | "document" | "sticker";

export const MEDIA_TYPES: Readonly<Record<string, { kind: MediaKind; maxBytes: number }>> = {
  "image/jpeg": { kind: "image", maxBytes: 5 * MB },
  "image/png": { kind: "image", maxBytes: 5 * MB },
  // WebP is only a sticker: 100 KB static, 500 KB animated. We cannot tell which, so the larger
  // bound; a webp *image* fails with 131053 at Meta (convert it to jpeg/png first).
  "image/webp": { kind: "sticker", maxBytes: 500 * KB },
  "audio/aac": { kind: "audio", maxBytes: 16 * MB },
  "audio/amr": { kind: "audio", maxBytes: 16 * MB },
  "audio/mpeg": { kind: "audio", maxBytes: 16 * MB },
  "audio/mp4": { kind: "audio", maxBytes: 16 * MB },
  "audio/ogg": { kind: "audio", maxBytes: 16 * MB },
  "video/mp4": { kind: "video", maxBytes: 16 * MB },
  "video/3gpp": { kind: "video", maxBytes: 16 * MB },
  "text/plain": { kind: "document", maxBytes: 100 * MB },
  "application/pdf": { kind: "document", maxBytes: 100 * MB },
  "application/msword": { kind: "document", maxBytes: 100 * MB },
  "application/vnd.ms-excel": { kind: "document", maxBytes: 100 * MB },
  "application/vnd.ms-powerpoint": { kind: "document", maxBytes: 100 * MB },
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": { kind: "document", maxBytes: 100 * MB },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { kind: "document", maxBytes: 100 * MB },
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": { kind: "document", maxBytes: 100 * MB },
};

/** The largest file any media kind allows: the default download guard. */
export const MAX_MEDIA_BYTES = 100 * MB;

/** "audio/ogg; codecs=opus" → "audio/ogg". */
export function baseMimeType(mimeType: string): string {
  return (mimeType.split(";")[0] ?? "").trim().toLowerCase();
}

export function mediaTypeOf(mimeType: string): { kind: MediaKind; maxBytes: number } | undefined {
  return MEDIA_TYPES[baseMimeType(mimeType)];
}
