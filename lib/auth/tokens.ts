/**
 * Small signed, expiring tokens (password-reset links): `base64url(payload).base64url(hmac)`.
 * Stateless; single use comes from binding the token to state that the use changes (for a reset,
 * the password's change time), so a used or superseded link stops verifying.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { authSecret } from "./secret";

function hmac(purpose: string, data: string): Buffer {
  return createHmac("sha256", authSecret()).update(`${purpose}\n${data}`).digest();
}

export function signToken(purpose: string, payload: Record<string, string | number>, ttlSeconds: number): string {
  const body = Buffer.from(JSON.stringify({ ...payload, exp: Math.floor(Date.now() / 1000) + ttlSeconds })).toString("base64url");
  return `${body}.${hmac(purpose, body).toString("base64url")}`;
}

/** The payload when the signature is right and the token unexpired; null otherwise. */
export function verifyToken(purpose: string, token: string): Record<string, unknown> | null {
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined) return null;
  const expected = hmac(purpose, body);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const payload: unknown = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
    if (typeof payload !== "object" || payload === null) return null;
    const exp = (payload as { exp?: unknown }).exp;
    if (typeof exp !== "number" || exp < Date.now() / 1000) return null;
    return payload as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** A random token for links we store hashed (invitations). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}
