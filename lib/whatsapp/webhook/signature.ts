/**
 * Meta signs every webhook POST with `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>`,
 * keyed by the app secret. Verify the exact bytes received, before trusting anything in them.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

const PREFIX = "sha256=";
const DIGEST_BYTES = 32;

/** The header value Meta would send for `body` under `secret` (tests and the emulator sign with it). */
export function signWebhookBody(body: Uint8Array | string, secret: string): string {
  return PREFIX + createHmac("sha256", secret).update(body).digest("hex");
}

/** The digest a header carries, or null when the header is absent or not `sha256=<64 hex digits>`. */
export function parseSignatureHeader(header: string | null | undefined): Buffer | null {
  if (!header) return null;
  const value = header.trim();
  if (value.slice(0, PREFIX.length).toLowerCase() !== PREFIX) return null;
  const hex = value.slice(PREFIX.length);
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) return null;
  return Buffer.from(hex, "hex");
}

/** Constant-time comparison of `digest` (from the header) with the HMAC of `body` under `secret`. */
export function isValidSignature(body: Uint8Array, digest: Buffer, secret: string): boolean {
  if (digest.length !== DIGEST_BYTES || secret.length === 0) return false;
  const expected = createHmac("sha256", secret).update(body).digest();
  return timingSafeEqual(expected, digest);
}
