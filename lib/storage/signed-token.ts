/**
 * The disk driver's signed URLs: `/api/media/signed/<token>`, where the token is an expiring HMAC
 * (AUTH_SECRET, lib/auth/tokens) over the key and how to answer. Holding the URL is the
 * permission, until it expires; so a signed URL is only ever issued to someone allowed to read
 * the key, and never for longer than needed.
 */
import { signToken, verifyToken } from "@/lib/auth/tokens";
import { assertKey } from "./keys";
import type { Disposition } from "./disposition";
import type { SignedUrlOptions } from "./types";

const PURPOSE = "storage-download";

/** Where app/api/media/signed/[token]/route.ts answers. */
export const SIGNED_DOWNLOAD_PATH = "/api/media/signed/";

export interface SignedDownload {
  key: string;
  contentType?: string;
  filename?: string;
  disposition?: Disposition;
  /** Unix seconds. */
  expiresAt: number;
}

export function signDownloadToken(key: string, options: SignedUrlOptions): string {
  assertKey(key);
  const payload: Record<string, string> = { k: key };
  if (options.contentType) payload.t = options.contentType;
  if (options.filename) payload.f = options.filename;
  if (options.disposition) payload.d = options.disposition;
  return signToken(PURPOSE, payload, options.expiresInSeconds);
}

/** The download a token grants, or null when it is forged, altered, expired or malformed. */
export function verifyDownloadToken(token: string): SignedDownload | null {
  if (token.length > 4096) return null;
  const payload = verifyToken(PURPOSE, token);
  if (!payload) return null;
  const { k, t, f, d, exp } = payload;
  if (typeof k !== "string" || typeof exp !== "number") return null;
  if (t !== undefined && typeof t !== "string") return null;
  if (f !== undefined && typeof f !== "string") return null;
  if (d !== undefined && d !== "inline" && d !== "attachment") return null;
  try {
    assertKey(k);
  } catch {
    return null;
  }
  return { key: k, contentType: t, filename: f, disposition: d, expiresAt: exp };
}
