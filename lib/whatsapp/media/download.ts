/**
 * Media bytes from the short-lived URL of GET /{media-id}, fetched with the bearer token, as a
 * stream or a Buffer, never more than `maxBytes` (checked on Content-Length up front, then
 * counted while streaming, so a lying or missing Content-Length cannot exhaust memory).
 */
import { createHash } from "node:crypto";
import type { CallOptions } from "../call-options";
import { WhatsAppError, WhatsAppMediaTooLargeError, WhatsAppNetworkError, WhatsAppRequestError, WhatsAppResponseError } from "../errors";
import type { GraphTransport } from "../transport";
import { MAX_MEDIA_BYTES } from "./limits";
import { getMediaMetadata, type MediaMetadata } from "./node";

export interface DownloadOptions extends CallOptions {
  /** Refuse anything larger (default 100 MB, Meta's largest media). */
  maxBytes?: number;
}

export interface MediaStream {
  stream: ReadableStream<Uint8Array>;
  /** The Content-Type the server sent, if any. */
  mimeType: string | null;
  contentLength: number | null;
}

export interface DownloadedMedia {
  bytes: Buffer;
  mimeType: string | null;
  size: number;
}

const OPERATION = "GET media URL";

export async function openMediaStream(transport: GraphTransport, url: string, options: DownloadOptions = {}): Promise<MediaStream> {
  assertTrustedUrl(url, transport.baseUrl);
  const maxBytes = options.maxBytes ?? MAX_MEDIA_BYTES;
  const response = await transport.openBinary({ operation: OPERATION, url, signal: options.signal, timeoutMs: options.timeoutMs });
  const declared = response.headers.get("content-length");
  const contentLength = declared !== null && /^\d+$/.test(declared) ? Number(declared) : null;
  if (contentLength !== null && contentLength > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new WhatsAppMediaTooLargeError(maxBytes, contentLength);
  }
  const body = response.body ?? new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
  return { stream: guard(body, maxBytes, options.signal), mimeType: response.headers.get("content-type"), contentLength };
}

export async function downloadMedia(transport: GraphTransport, url: string, options: DownloadOptions = {}): Promise<DownloadedMedia> {
  const opened = await openMediaStream(transport, url, options);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = opened.stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  return { bytes: Buffer.concat(chunks, size), mimeType: opened.mimeType, size };
}

/** Metadata, then the bytes, checked against Meta's size and SHA-256 when it gives them. */
export async function downloadMediaById(
  transport: GraphTransport,
  phoneNumberId: string,
  mediaId: string,
  options: DownloadOptions = {},
): Promise<MediaMetadata & { bytes: Buffer }> {
  const metadata = await getMediaMetadata(transport, phoneNumberId, mediaId, options);
  const maxBytes = options.maxBytes ?? MAX_MEDIA_BYTES;
  if (metadata.fileSize !== null && metadata.fileSize > maxBytes) throw new WhatsAppMediaTooLargeError(maxBytes, metadata.fileSize);
  const { bytes } = await downloadMedia(transport, metadata.url, options);
  if (metadata.sha256 !== null && !sameSha256(bytes, metadata.sha256)) {
    throw new WhatsAppResponseError(OPERATION, 200, [{ path: "sha256", message: "downloaded bytes do not match the media's sha256" }], {
      outcomeUnknown: false,
    });
  }
  return { ...metadata, bytes };
}

/**
 * The URL gets our access token, so it must be Meta's (https) or the configured Graph host
 * itself (the emulator over http): never a plain-http stranger that could read the token.
 */
function assertTrustedUrl(url: string, baseUrl: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new WhatsAppRequestError(OPERATION, [{ path: "url", message: "not a URL" }]);
  }
  if (parsed.protocol === "https:" || parsed.origin === new URL(baseUrl).origin) return;
  throw new WhatsAppRequestError(OPERATION, [
    { path: "url", message: "refusing to send the access token to a non-https URL outside the Graph API host" },
  ]);
}

/** Meta gives hex for the media node and base64 in webhooks; accept either. */
function sameSha256(bytes: Buffer, expected: string): boolean {
  const digest = createHash("sha256").update(bytes).digest();
  return expected.toLowerCase() === digest.toString("hex") || expected === digest.toString("base64");
}

/** Passes chunks through until `maxBytes`, and turns read failures into typed errors. */
function guard(body: ReadableStream<Uint8Array>, maxBytes: number, callerSignal: AbortSignal | undefined): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let received = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let result: ReadableStreamReadResult<Uint8Array>;
      try {
        result = await reader.read();
      } catch (error) {
        controller.error(readError(error, callerSignal));
        return;
      }
      if (result.done) {
        controller.close();
        return;
      }
      received += result.value.byteLength;
      if (received > maxBytes) {
        // Cancelling releases the connection instead of draining the rest of a huge body.
        await reader.cancel().catch(() => undefined);
        controller.error(new WhatsAppMediaTooLargeError(maxBytes, null));
        return;
      }
      controller.enqueue(result.value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

function readError(error: unknown, callerSignal: AbortSignal | undefined): unknown {
  if (callerSignal?.aborted) return callerSignal.reason ?? error;
  if (error instanceof WhatsAppError) return error;
  const timedOut = error instanceof DOMException && error.name === "TimeoutError";
  return new WhatsAppNetworkError(OPERATION, timedOut ? "timeout" : "network", { outcomeUnknown: false, cause: error });
}
