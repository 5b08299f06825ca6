import type { Readable } from "node:stream";

/** What `put` accepts: bytes in memory, a Node stream, or a web stream (e.g. a `fetch` body). */
export type StorageBody = Buffer | Uint8Array | Readable | ReadableStream<Uint8Array>;

export interface PutOptions {
  /** Stored with the object and returned by `get`/`head`. */
  contentType: string;
  /** When given, a body of any other length is refused and nothing is stored. */
  contentLength?: number;
}

export interface PutResult {
  /** Bytes stored. */
  size: number;
  /** SHA-256 of the bytes stored, lowercase hex. */
  sha256: string;
}

/**
 * Inclusive byte offsets, as in HTTP: `{ start: 0, end: 99 }` is the first 100 bytes, `{ start: 100 }`
 * everything from byte 100, `{ suffix: 100 }` the last 100 bytes. An `end` past the object is
 * clamped to its last byte; a `start` past it throws StorageRangeError (HTTP 416).
 */
export type ByteRange = { start: number; end?: number } | { suffix: number };

export interface StoredObject {
  /** The bytes (of the range, when one was asked for). Consume it or destroy it. */
  stream: Readable;
  /** The whole object's size, whatever the range. */
  size: number;
  contentType: string;
  /** The inclusive range `stream` holds, when a range was asked for. Its length is `end - start + 1`. */
  contentRange?: { start: number; end: number };
}

export interface ObjectInfo {
  size: number;
  contentType: string;
}

export interface SignedUrlOptions {
  /** 1 second to 7 days. */
  expiresInSeconds: number;
  /** Suggested name for a download (Content-Disposition). */
  filename?: string;
  /** Content-Type to answer with; default the stored one. */
  contentType?: string;
  /** Default: inline for images, audio and video, attachment for anything else. */
  disposition?: "inline" | "attachment";
}

export interface Storage {
  readonly driver: "disk" | "s3";
  /**
   * True when `signedUrl` points at another server that serves the bytes and byte ranges itself
   * (S3): routes redirect there instead of streaming through the app.
   */
  readonly redirectDownloads: boolean;
  /** Stores `body` under `key` atomically (a reader sees the old object or the new, never a mix). */
  put(key: string, body: StorageBody, options: PutOptions): Promise<PutResult>;
  /** The object's bytes (or a range of them); null when there is no object at `key`. */
  get(key: string, options?: { range?: ByteRange }): Promise<StoredObject | null>;
  head(key: string): Promise<ObjectInfo | null>;
  /** Removes the object; deleting a missing key is not an error. */
  delete(key: string): Promise<void>;
  /**
   * A URL a browser can fetch without cookies until it expires: an S3 presigned URL, or for
   * the disk driver a same-origin path `/api/media/signed/<token>` (resolve it against the app's
   * origin). The key's existence is not checked.
   */
  signedUrl(key: string, options: SignedUrlOptions): Promise<string>;
}
