/**
 * Meta names a media's SHA-256 two ways: hex on the media node (`GET /{media-id}`), base64 in
 * inbound webhooks. Both become lowercase hex here, the form we store and compare.
 */
import { createHash } from "node:crypto";

const HEX = /^[0-9a-f]{64}$/i;
const BASE64 = /^[A-Za-z0-9+/]{43}=?$/;
const BASE64URL = /^[A-Za-z0-9_-]{43}=?$/;

/** Lowercase hex of a SHA-256 given as hex, base64 or base64url; null when it is none of those. */
export function sha256Hex(value: string | null | undefined): string | null {
  const text = value?.trim();
  if (!text) return null;
  if (HEX.test(text)) return text.toLowerCase();
  const encoding = BASE64.test(text) ? "base64" : BASE64URL.test(text) ? "base64url" : null;
  if (!encoding) return null;
  const digest = Buffer.from(text, encoding);
  return digest.length === 32 ? digest.toString("hex") : null;
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
