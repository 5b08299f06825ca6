/**
 * An idempotency key as a pg-boss job id: the same task and key always make the same UUID, so a
 * second enqueue finds the first job (pg-boss keeps ids unique per queue) instead of adding one.
 * Shaped as a version-8 ("custom") UUID from SHA-256, since pg-boss stores ids as uuid.
 */
import { createHash } from "node:crypto";

export function jobIdFor(taskId: string, idempotencyKey: string): string {
  const hex = createHash("sha256").update(`${taskId}\u0000${idempotencyKey}`).digest("hex").slice(0, 32).split("");
  hex[12] = "8";
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
