/**
 * Any S3-compatible object store: AWS S3, Cloudflare R2, MinIO (and s3rver in tests).
 *
 * - Buffers go up in one PutObject; streams through lib-storage's Upload, which sends one
 *   PutObject when the body is small and a multipart upload (5 MB parts, aborted on failure) when
 *   it is not, so a stream of unknown length never has to be held in memory. Either way S3 makes
 *   the object visible only once complete.
 * - Size and SHA-256 are counted on the way through (DigestCounter), as on disk.
 * - Checksums are only sent when an operation requires them: the SDK's default CRC32 trailers
 *   (aws-chunked uploads) are refused by several S3-compatible services.
 * - Suffix ranges (`{ suffix: n }`) are turned into explicit ones after a HEAD: not every
 *   S3-compatible service implements `bytes=-n`.
 */
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { assertContentLength, assertContentType, assertExpiry, DigestCounter, toReadable } from "./body";
import { contentDisposition, dispositionFor } from "./disposition";
import { StorageRangeError, StorageSizeError } from "./errors";
import { assertKey } from "./keys";
import { assertByteRange, resolveRange } from "./range";
import type { ByteRange, ObjectInfo, Storage, StoredObject } from "./types";

const FALLBACK_TYPE = "application/octet-stream";
const PART_SIZE = 5 * 1024 * 1024;

export interface S3StorageOptions {
  bucket: string;
  /** "auto" for R2; anything for MinIO; the bucket's region for AWS. */
  region: string;
  /** Omit for AWS S3; e.g. `https://<account>.r2.cloudflarestorage.com`, `http://127.0.0.1:9000`. */
  endpoint?: string;
  /** `bucket` in the path instead of the host name: MinIO, s3rver, most self-hosted services. */
  forcePathStyle?: boolean;
  /** Omit to use the SDK's default chain (instance role, AWS_* variables, …). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Browsers fetch presigned URLs directly (true, the default) or through the app (false). */
  redirectDownloads?: boolean;
}

function status(error: unknown): number | undefined {
  return error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
}

function rangeHeader(range: { start: number; end?: number }): string {
  return `bytes=${range.start}-${range.end ?? ""}`;
}

/** "bytes 0-99/1234" → { start: 0, end: 99, size: 1234 }. */
function parseContentRange(value: string | undefined): { start: number; end: number; size: number } | undefined {
  const match = value ? /^bytes (\d+)-(\d+)\/(\d+)$/.exec(value) : null;
  return match ? { start: Number(match[1]), end: Number(match[2]), size: Number(match[3]) } : undefined;
}

export function createS3Storage(options: S3StorageOptions): Storage {
  const { bucket } = options;
  const client = new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle ?? false,
    credentials: options.credentials,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });

  async function head(key: string): Promise<ObjectInfo | null> {
    assertKey(key);
    try {
      const out = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return { size: out.ContentLength ?? 0, contentType: out.ContentType ?? FALLBACK_TYPE };
    } catch (error) {
      if (status(error) === 404) return null;
      throw error;
    }
  }

  async function get(key: string, getOptions: { range?: ByteRange } = {}): Promise<StoredObject | null> {
    assertKey(key);
    let range = getOptions.range;
    if (range) assertByteRange(range);
    if (range && "suffix" in range) {
      const info = await head(key);
      if (!info) return null;
      range = resolveRange(range, info.size);
    }
    let out;
    try {
      out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: range ? rangeHeader(range) : undefined }));
    } catch (error) {
      if (status(error) === 404) return null;
      if (status(error) === 416) {
        const info = await head(key);
        if (!info) return null;
        throw new StorageRangeError(info.size);
      }
      throw error;
    }
    if (!(out.Body instanceof Readable)) throw new Error("S3 GetObject: expected a Node stream body");
    const contentType = out.ContentType ?? FALLBACK_TYPE;
    if (!range) return { stream: out.Body, size: out.ContentLength ?? 0, contentType };
    const answered = parseContentRange(out.ContentRange);
    if (!answered) {
      // The service ignored the Range header and sent everything (HTTP allows it): cut it here.
      const size = out.ContentLength ?? 0;
      let resolved;
      try {
        resolved = resolveRange(range, size);
      } catch (error) {
        out.Body.destroy();
        throw error;
      }
      return { stream: slice(out.Body, resolved.start, resolved.end), size, contentType, contentRange: resolved };
    }
    if (answered.start >= answered.size) {
      // Some servers answer a range of an empty object with "bytes 0-0/0" instead of 416.
      out.Body.destroy();
      throw new StorageRangeError(answered.size);
    }
    return { stream: out.Body, size: answered.size, contentType, contentRange: { start: answered.start, end: answered.end } };
  }

  return {
    driver: "s3",
    redirectDownloads: options.redirectDownloads ?? true,

    async put(key, body, { contentType, contentLength }) {
      assertKey(key);
      assertContentType(contentType);
      assertContentLength(contentLength);
      if (body instanceof Uint8Array) {
        if (contentLength !== undefined && contentLength !== body.byteLength) throw new StorageSizeError(contentLength, body.byteLength);
        await client.send(
          new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType, ContentLength: body.byteLength }),
        );
        return { size: body.byteLength, sha256: createHash("sha256").update(body).digest("hex") };
      }
      const counter = new DigestCounter(contentLength);
      const upload = new Upload({
        client,
        params: { Bucket: bucket, Key: key, Body: counter, ContentType: contentType },
        partSize: PART_SIZE,
        queueSize: 2,
        leavePartsOnError: false,
      });
      // The source feeds the counter while the upload drains it; a failure on either side stops both
      // (a size mismatch errors the counter before its last bytes, so the upload never completes).
      const feeding = pipeline(toReadable(body), counter);
      const uploading = upload.done().catch((error: unknown) => {
        counter.destroy(error instanceof Error ? error : new Error(String(error)));
        throw error;
      });
      await Promise.all([feeding, uploading]);
      return { size: counter.byteCount, sha256: counter.sha256 };
    },

    get,
    head,

    async delete(key) {
      assertKey(key);
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },

    async signedUrl(key, urlOptions) {
      assertKey(key);
      assertExpiry(urlOptions.expiresInSeconds);
      if (urlOptions.contentType) assertContentType(urlOptions.contentType);
      // Like the disk driver, which decides from the stored type when told nothing: ask S3 for it.
      const disposition = urlOptions.disposition ?? dispositionFor(urlOptions.contentType ?? (await head(key))?.contentType);
      const command = new GetObjectCommand({
        Bucket: bucket,
        Key: key,
        ResponseContentType: urlOptions.contentType,
        ResponseContentDisposition: contentDisposition(disposition, urlOptions.filename),
        ResponseCacheControl: `private, max-age=${urlOptions.expiresInSeconds}`,
      });
      return getSignedUrl(client, command, { expiresIn: urlOptions.expiresInSeconds });
    },
  };
}

/** Bytes `start`..`end` (inclusive) of a stream. */
function slice(source: Readable, start: number, end: number): Readable {
  let offset = 0;
  async function* take(): AsyncGenerator<Buffer> {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      const from = Math.max(0, start - offset);
      const to = Math.min(chunk.length, end + 1 - offset);
      offset += chunk.length;
      if (to > from) yield chunk.subarray(from, to);
      if (offset > end) break;
    }
    source.destroy();
  }
  return Readable.from(take());
}
