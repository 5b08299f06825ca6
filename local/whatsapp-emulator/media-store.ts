/**
 * Media: bytes kept in memory under Meta-like numeric ids, Meta's upload limits, and short-lived
 * download URLs (5 minutes, bearer token of the owning number), shaped like Meta's lookaside URLs.
 */
import { createHash, randomBytes } from "node:crypto";
import { errors } from "./graph-errors";
import { numericId } from "./ids";
import type { MediaRecord } from "./types";

export const MEDIA_URL_TTL_MS = 5 * 60 * 1000;
export const MEDIA_DOWNLOAD_PATH = "/whatsapp_business/attachments/";

const MB = 1024 * 1024;

/** Meta's supported upload types and size limits (bytes). */
export const MEDIA_LIMITS: Record<string, { kind: "image" | "audio" | "video" | "document" | "sticker"; maxBytes: number }> = {
  "image/jpeg": { kind: "image", maxBytes: 5 * MB },
  "image/png": { kind: "image", maxBytes: 5 * MB },
  "image/webp": { kind: "sticker", maxBytes: 500 * 1024 },
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

/** "audio/ogg; codecs=opus" → "audio/ogg". */
export function baseMimeType(mimeType: string): string {
  return mimeType.split(";")[0]!.trim().toLowerCase();
}

/** Throws Meta's 131053 unless the type is supported and the size within its limit. */
export function checkUpload(mimeType: string, size: number): void {
  const limit = MEDIA_LIMITS[baseMimeType(mimeType)];
  if (!limit)
    throw errors.mediaUpload(
      `Param file must be a file with one of the following types: ${Object.keys(MEDIA_LIMITS).join(", ")}. Received file of type '${mimeType}'.`,
    );
  if (size === 0) throw errors.mediaUpload("Param file must not be empty.");
  if (size > limit.maxBytes)
    throw errors.mediaUpload(`File size ${size} bytes exceeds the ${limit.maxBytes} bytes limit for ${baseMimeType(mimeType)}.`);
  if (baseMimeType(mimeType) === "audio/ogg" && /codecs=/.test(mimeType) && !/codecs="?opus/.test(mimeType)) {
    throw errors.mediaUpload("Only Opus is supported in audio/ogg.");
  }
}

interface StoredMedia {
  record: MediaRecord;
  bytes: Buffer;
}

interface IssuedUrl {
  mediaId: string;
  expiresAt: number;
}

export class MediaStore {
  private readonly media = new Map<string, StoredMedia>();
  private readonly urls = new Map<string, IssuedUrl>();

  constructor(private readonly now: () => number) {}

  add(input: { phoneNumberId: string; bytes: Buffer; mimeType: string; filename?: string; origin: MediaRecord["origin"] }): MediaRecord {
    const record: MediaRecord = {
      id: numericId(16),
      phoneNumberId: input.phoneNumberId,
      mimeType: input.mimeType,
      fileSize: input.bytes.length,
      sha256: createHash("sha256").update(input.bytes).digest("hex"),
      filename: input.filename,
      origin: input.origin,
      createdAt: this.now(),
    };
    this.media.set(record.id, { record, bytes: input.bytes });
    return record;
  }

  get(id: string): MediaRecord | undefined {
    return this.media.get(id)?.record;
  }

  bytes(id: string): Buffer | undefined {
    return this.media.get(id)?.bytes;
  }

  delete(id: string): boolean {
    for (const [hash, url] of this.urls) if (url.mediaId === id) this.urls.delete(hash);
    return this.media.delete(id);
  }

  /** A download URL valid for 5 minutes from now. */
  issueUrl(baseUrl: string, id: string): string {
    const hash = randomBytes(16).toString("base64url");
    const expiresAt = this.now() + MEDIA_URL_TTL_MS;
    this.urls.set(hash, { mediaId: id, expiresAt });
    const url = new URL(MEDIA_DOWNLOAD_PATH, baseUrl);
    url.searchParams.set("mid", id);
    url.searchParams.set("ext", String(Math.floor(expiresAt / 1000)));
    url.searchParams.set("hash", hash);
    return url.toString();
  }

  /** The media a download URL's `hash` points at, unless unknown, expired or deleted. */
  resolveUrl(hash: string): StoredMedia | undefined {
    const issued = this.urls.get(hash);
    if (!issued) return undefined;
    if (this.now() >= issued.expiresAt) {
      this.urls.delete(hash);
      return undefined;
    }
    return this.media.get(issued.mediaId);
  }

  /** Makes every issued download URL expired (tests: what happens after 5 minutes). */
  expireUrls(): void {
    this.urls.clear();
  }

  all(): MediaRecord[] {
    return [...this.media.values()].map((stored) => stored.record);
  }

  clear(): void {
    this.media.clear();
    this.urls.clear();
  }
}

/** Base64 SHA-256 of bytes, as inbound media webhooks carry it. */
export function sha256Base64(hex: string): string {
  return Buffer.from(hex, "hex").toString("base64");
}
