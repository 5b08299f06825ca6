/**
 * Reads a request body once, as bytes, refusing anything over `maxBytes` without buffering it:
 * the declared Content-Length is checked first, then the bytes are counted while they stream in
 * (a client may lie about, or omit, the length).
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
  if (declaredLengthTooLarge(request.headers.get("content-length"), maxBytes)) return { ok: false, reason: "too_large" };
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };

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
