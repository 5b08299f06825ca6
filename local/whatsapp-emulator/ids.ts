/**
 * Identifiers shaped like Meta's: numeric node ids, fbtrace ids, and wamids.
 *
 * A wamid is "wamid." + base64 of a small protobuf-like record, as Meta's are:
 *   0x1C 0x18 <len> <wa_id digits> 0x15 0x02 0x00 <0x11 outbound | 0x12 inbound> 0x18 <len> <hex id> 0x00
 * e.g. wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MEM2RUJFNkI0RENGQTVDRjUA (outbound to 16503879439).
 */
import { randomBytes, randomInt } from "node:crypto";

/** A 15- or 16-digit numeric id, as Meta's node ids (media, templates) are. */
export function numericId(digits = 16): string {
  let id = String(randomInt(1, 10));
  while (id.length < digits) id += String(randomInt(0, 10));
  return id;
}

export function fbtraceId(): string {
  return randomBytes(18).toString("base64url").slice(0, 23);
}

export function wamid(waId: string, direction: "outbound" | "inbound"): string {
  const digits = Buffer.from(waId.replace(/\D/g, "").slice(0, 20), "ascii");
  const hex = randomBytes(10).toString("hex").toUpperCase();
  const id = Buffer.from(direction === "outbound" ? hex.slice(0, 18) : `3A${hex.slice(0, 18)}`, "ascii");
  const bytes = Buffer.concat([
    Buffer.from([0x1c, 0x18, digits.length]),
    digits,
    Buffer.from([0x15, 0x02, 0x00, direction === "outbound" ? 0x11 : 0x12, 0x18, id.length]),
    id,
    Buffer.from([0x00]),
  ]);
  return `wamid.${bytes.toString("base64")}`;
}

/** A conversation id as status webhooks carry it (32 hex digits). */
export function conversationId(): string {
  return randomBytes(16).toString("hex");
}

/** wa_id of a phone number as the business typed it: its digits ("+1 (555) 010-0002" → "15550100002"). */
export function normalizeWaId(input: string): string {
  return input.replace(/\D/g, "");
}
