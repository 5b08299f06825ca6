/**
 * Reads a request body once, as bytes, refusing anything over `maxBytes` without buffering it:
 * the declared Content-Length is checked first; with an acceptable one the body is read in one
 * go (HTTP/1.1 framing stops it at the declared length, and this is the hot path of every Meta
 * delivery); without one the bytes are counted while they stream in (chunked transfer).
 */
export type RawBody = { ok: true; bytes: Uint8Array } | { ok: false; reason: "too_large" };

/** Meta's documented ceiling is 3 MB per delivery; a little headroom above it. */
export const MAX_WEBHOOK_BODY_BYTES = 3.5 * 1024 * 1024;

export function declaredLengthTooLarge(contentLength: string | null, maxBytes: number): boolean {
  if (contentLength === null) return false;
  const declared = Number(contentLength.trim());
  return Number.isFinite(declared) && declared > maxBytes;
}

export async function readLimitedBody(request: Request, maxBytes = MAX_WEBHOOK_BODY_BYTES): Promise<RawBody> {
  const contentLength = request.headers.get("content-length");
  if (declaredLengthTooLarge(contentLength, maxBytes)) return { ok: false, reason: "too_large" };
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };
  if (contentLength !== null && /^\s*\d+\s*$/.test(contentLength)) {
    const bytes = new Uint8Array(await request.arrayBuffer());
    // Belt and braces: a body longer than declared would be a framing error upstream.
    return bytes.byteLength > maxBytes ? { ok: false, reason: "too_large" } : { ok: true, bytes };
  }

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      return { ok: false, reason: "too_large" };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}
