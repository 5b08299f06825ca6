/**
 * Media over HTTP, shared by the media routes: Range parsing, 200/206/416 responses with the
 * headers every media answer carries, redirects to presigned URLs, and the disk driver's signed
 * download route. Route files stay a few lines.
 */
import type { Readable } from "node:stream";
import { contentDisposition, dispositionFor, type Disposition } from "./disposition";
import { StorageRangeError } from "./errors";
import { verifyDownloadToken } from "./signed-token";
import type { ByteRange, Storage, StoredObject } from "./types";

/**
 * One `bytes=` range: "0-99", "100-", "-100". Anything else — another unit, several ranges, a
 * malformed or backwards range — is ignored (RFC 9110 §14.2) and the whole object is sent.
 */
export function parseRangeHeader(value: string | null | undefined): ByteRange | undefined {
  const match = value ? /^bytes=(\d{0,15})-(\d{0,15})$/.exec(value.trim()) : null;
  if (!match) return undefined;
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return undefined;
  if (first === "") return Number(last) > 0 ? { suffix: Number(last) } : undefined;
  const start = Number(first);
  if (last === "") return { start };
  const end = Number(last);
  return end >= start ? { start, end } : undefined;
}

/** A Node stream as a web stream, read only as fast as the client takes it; cancelling destroys it. */
export function toWebStream(readable: Readable): ReadableStream<Uint8Array> {
  const iterator = (readable as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        controller.error(error);
      }
    },
    cancel() {
      readable.destroy();
    },
  });
}

const COMMON_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  // Should a stored HTML or SVG file ever be opened as a page, it runs nothing.
  "Content-Security-Policy": "sandbox",
};

export interface MediaBody {
  object: StoredObject;
  contentType: string;
  disposition: Disposition;
  filename?: string | null;
  /** Browser cache lifetime (`Cache-Control: private, max-age=…`). */
  maxAgeSeconds: number;
  /** Extra headers (e.g. Cross-Origin-Resource-Policy). */
  headers?: Record<string, string>;
}

/** 200 with the whole object, or 206 with the range `object` holds. */
export function mediaResponse({ object, contentType, disposition, filename, maxAgeSeconds, headers }: MediaBody): Response {
  const range = object.contentRange;
  const length = range ? range.end - range.start + 1 : object.size;
  const responseHeaders: Record<string, string> = {
    ...COMMON_HEADERS,
    ...headers,
    "Content-Type": contentType,
    "Content-Length": String(length),
    "Content-Disposition": contentDisposition(disposition, filename),
    "Accept-Ranges": "bytes",
    "Cache-Control": `private, max-age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
  };
  if (range) responseHeaders["Content-Range"] = `bytes ${range.start}-${range.end}/${object.size}`;
  return new Response(toWebStream(object.stream), { status: range ? 206 : 200, headers: responseHeaders });
}

/**
 * HEAD from GET: the same status and headers, no body — and the body's stream cancelled, which
 * closes the file or the S3 connection behind it (Next would otherwise drop it unread, leaving
 * the file open until garbage collection).
 */
export async function headFromGet(response: Response): Promise<Response> {
  await response.body?.cancel();
  return new Response(null, { status: response.status, headers: response.headers });
}

export function rangeNotSatisfiableResponse(size: number): Response {
  return new Response(null, {
    status: 416,
    headers: { ...COMMON_HEADERS, "Content-Range": `bytes */${size}`, "Accept-Ranges": "bytes", "Cache-Control": "private, no-store" },
  });
}

/** The same plain 404 for a missing id, a stranger's media and the signed-out: no hint. */
export function notFoundResponse(): Response {
  return new Response("Not found", {
    status: 404,
    headers: { ...COMMON_HEADERS, "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" },
  });
}

export function redirectResponse(url: string, maxAgeSeconds: number): Response {
  return new Response(null, {
    status: 302,
    headers: { ...COMMON_HEADERS, Location: url, "Cache-Control": `private, max-age=${Math.max(0, Math.floor(maxAgeSeconds))}` },
  });
}

/**
 * GET /api/media/signed/<token>: the bytes a disk-driver signed URL grants, with ranges, until
 * the token expires. Forged, expired and missing all answer the same 404.
 */
export async function serveSignedDownload(storage: Storage, token: string, rangeHeader: string | null): Promise<Response> {
  const grant = verifyDownloadToken(token);
  if (!grant) return notFoundResponse();
  let object: StoredObject | null;
  try {
    object = await storage.get(grant.key, { range: parseRangeHeader(rangeHeader) });
  } catch (error) {
    if (error instanceof StorageRangeError) return rangeNotSatisfiableResponse(error.size);
    throw error;
  }
  if (!object) return notFoundResponse();
  const contentType = grant.contentType ?? object.contentType;
  const remaining = grant.expiresAt - Math.floor(Date.now() / 1000);
  return mediaResponse({
    object,
    contentType,
    disposition: grant.disposition ?? dispositionFor(contentType),
    filename: grant.filename,
    maxAgeSeconds: Math.min(remaining, 3600),
  });
}
