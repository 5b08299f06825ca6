/**
 * Pusher's signatures, checked the way Pusher checks them (timing-safe):
 * - a private-channel subscription: `auth` = `key:HMAC-SHA256(secret, "socket_id:channel")`;
 * - a user sign-in: `auth` = `key:HMAC-SHA256(secret, "socket_id::user::user_data")`;
 * - an HTTP API request: `auth_signature` = HMAC-SHA256(secret, "METHOD\nPATH\nsorted query"),
 *   with `body_md5` the MD5 of the body and `auth_timestamp` within 600 s of now.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export interface AppCredentials {
  appId: string;
  key: string;
  secret: string;
}

export function channelSignature(secret: string, socketId: string, channel: string): string {
  return createHmac("sha256", secret).update(`${socketId}:${channel}`).digest("hex");
}

/** A user sign-in: `auth` = `key:HMAC-SHA256(secret, "socket_id::user::user_data")`. */
export function isValidUserAuth(app: AppCredentials, socketId: string, userData: string, auth: unknown): boolean {
  if (typeof auth !== "string") return false;
  const separator = auth.indexOf(":");
  if (separator < 0) return false;
  const expected = createHmac("sha256", app.secret).update(`${socketId}::user::${userData}`).digest("hex");
  return safeEqual(auth.slice(0, separator), app.key) && safeEqual(auth.slice(separator + 1), expected);
}

export function isValidChannelAuth(app: AppCredentials, socketId: string, channel: string, auth: unknown): boolean {
  if (typeof auth !== "string") return false;
  const separator = auth.indexOf(":");
  if (separator < 0) return false;
  const key = auth.slice(0, separator);
  const signature = auth.slice(separator + 1);
  return safeEqual(key, app.key) && safeEqual(signature, channelSignature(app.secret, socketId, channel));
}

/** Pusher refuses requests signed more than 600 s away from its clock. */
const TIMESTAMP_GRACE_S = 600;

export type ApiCheck = { ok: true } | { ok: false; status: 401; message: string };

export function checkApiSignature(app: AppCredentials, method: string, path: string, query: URLSearchParams, body: Buffer, now = Date.now()): ApiCheck {
  const refuse = (message: string): ApiCheck => ({ ok: false, status: 401, message });
  const key = query.get("auth_key");
  const timestamp = query.get("auth_timestamp");
  const signature = query.get("auth_signature");
  if (!key || !timestamp || !signature) return refuse("Missing auth_key, auth_timestamp or auth_signature");
  if (!safeEqual(key, app.key)) return refuse("Unknown auth_key");
  if (query.get("auth_version") !== null && query.get("auth_version") !== "1.0") return refuse("Unsupported auth_version");
  const seconds = Number(timestamp);
  if (!Number.isFinite(seconds) || Math.abs(now / 1000 - seconds) > TIMESTAMP_GRACE_S) {
    return refuse(`Timestamp expired: Given timestamp (${timestamp}) not within ${TIMESTAMP_GRACE_S} s of server time`);
  }
  if (body.length > 0 || query.has("body_md5")) {
    const md5 = createHash("md5").update(body).digest("hex");
    if (!safeEqual(query.get("body_md5") ?? "", md5)) return refuse("body_md5 does not match the body");
  }
  const expected = createHmac("sha256", app.secret).update(stringToSign(method, path, query)).digest("hex");
  if (!safeEqual(signature, expected)) return refuse("Invalid signature: you should have sent HmacSHA256Hex(string_to_sign, secret)");
  return { ok: true };
}

/** Every parameter but auth_signature, keys lower-cased and sorted, joined unescaped (Pusher's rule). */
function stringToSign(method: string, path: string, query: URLSearchParams): string {
  const params = [...query.entries()]
    .filter(([name]) => name !== "auth_signature")
    .map(([name, value]) => [name.toLowerCase(), value] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join("&");
  return `${method.toUpperCase()}\n${path}\n${params}`;
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
