/**
 * Secrets at rest (WhatsApp access tokens, app secrets): AES-256-GCM under APP_ENCRYPTION_KEY.
 *
 * APP_ENCRYPTION_KEY holds one or more keys, comma-separated, each `keyId:base64` (32 bytes; hex is
 * accepted too). The first encrypts; any of them decrypts, found by the key id stored with the
 * ciphertext — so a key rotates by prepending a new one and re-encrypting at leisure.
 * Stored form: `v1:<keyId>:<iv b64url>:<tag b64url>:<ciphertext b64url>`.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

interface Key {
  id: string;
  bytes: Buffer;
}

function parseKeys(raw: string): Key[] {
  return raw.split(",").map((entry, index) => {
    const trimmed = entry.trim();
    const separator = trimmed.indexOf(":");
    const id = separator > 0 ? trimmed.slice(0, separator) : `k${index + 1}`;
    const material = separator > 0 ? trimmed.slice(separator + 1) : trimmed;
    const bytes = /^[0-9a-f]{64}$/i.test(material) ? Buffer.from(material, "hex") : Buffer.from(material, "base64");
    if (bytes.length !== 32) throw new Error(`APP_ENCRYPTION_KEY: key "${id}" must be 32 bytes (base64 or hex)`);
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(id)) throw new Error(`APP_ENCRYPTION_KEY: key id "${id}" must be letters, digits, - or _`);
    return { id, bytes };
  });
}

let cached: { raw: string; keys: Key[] } | undefined;

function keys(raw = env.APP_ENCRYPTION_KEY): Key[] {
  if (!raw) throw new Error("APP_ENCRYPTION_KEY is not set: it is needed to store WhatsApp secrets.");
  if (cached?.raw !== raw) cached = { raw, keys: parseKeys(raw) };
  return cached.keys;
}

export function encryptSecret(plaintext: string, rawKeys?: string): string {
  const [key] = keys(rawKeys);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key!.bytes, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", key!.id, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(":");
}

export function decryptSecret(stored: string, rawKeys?: string): string {
  const [version, keyId, iv, tag, ciphertext] = stored.split(":");
  if (version !== "v1" || !keyId || !iv || !tag || ciphertext === undefined) throw new Error("Not an encrypted secret");
  const key = keys(rawKeys).find((k) => k.id === keyId);
  if (!key) throw new Error(`No key "${keyId}" in APP_ENCRYPTION_KEY to decrypt this secret`);
  const decipher = createDecipheriv("aes-256-gcm", key.bytes, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}

/** True when `stored` was encrypted under a key other than the current first one. */
export function needsReencryption(stored: string, rawKeys?: string): boolean {
  return stored.split(":")[1] !== keys(rawKeys)[0]!.id;
}
