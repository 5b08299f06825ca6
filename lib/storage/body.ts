import { createHash, type Hash } from "node:crypto";
import { Readable, Transform, type TransformCallback } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { StorageSizeError } from "./errors";
import type { StorageBody } from "./types";

/** Any accepted body as a Node stream (a Buffer as one chunk, not byte by byte). */
export function toReadable(body: StorageBody): Readable {
  if (body instanceof Readable) return body;
  if (body instanceof Uint8Array) return Readable.from([Buffer.from(body.buffer, body.byteOffset, body.byteLength)]);
  return Readable.fromWeb(body as NodeReadableStream<Uint8Array>);
}

/**
 * Passes bytes through while counting them and hashing them (SHA-256). With `expected`, errors as
 * soon as more arrive, or at the end when fewer did, so a wrong length never completes a write.
 */
export class DigestCounter extends Transform {
  /** Not `size`: lib-storage's Upload reads a body's `size` as its total length. */
  byteCount = 0;
  private readonly hash: Hash = createHash("sha256");
  private digest: string | undefined;

  constructor(private readonly expected?: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.byteCount += chunk.byteLength;
    if (this.expected !== undefined && this.byteCount > this.expected) {
      callback(new StorageSizeError(this.expected, this.byteCount));
      return;
    }
    this.hash.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.expected !== undefined && this.byteCount !== this.expected) {
      callback(new StorageSizeError(this.expected, this.byteCount));
      return;
    }
    this.digest = this.hash.digest("hex");
    callback();
  }

  /** The hex digest, once the stream has ended. */
  get sha256(): string {
    if (this.digest === undefined) throw new Error("DigestCounter: the stream has not ended");
    return this.digest;
  }
}

export function assertContentLength(value: number | undefined): void {
  if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) {
    throw new RangeError(`contentLength must be a non-negative integer, got ${value}`);
  }
}

export function assertExpiry(seconds: number): void {
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 604_800) {
    throw new RangeError(`expiresInSeconds must be an integer from 1 to 604800 (7 days), got ${seconds}`);
  }
}

/** A Content-Type we are willing to store and send back: `type/subtype` with simple parameters. */
const CONTENT_TYPE = /^[A-Za-z0-9][\w.+-]*\/[A-Za-z0-9][\w.+-]*(\s*;\s*[\w.+-]+=("[^"\\\r\n]*"|[\w.+-]+))*$/;

export function isSafeContentType(value: string): boolean {
  return value.length <= 200 && CONTENT_TYPE.test(value);
}

export function assertContentType(value: string): void {
  if (!isSafeContentType(value)) throw new TypeError(`Not a valid content type: ${JSON.stringify(value.slice(0, 100))}`);
}
