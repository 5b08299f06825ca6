import { randomBytes } from "node:crypto";

let sequence = 0;

/** Digits unique within this process (Meta-like numeric ids stay numeric). */
export function uniqueSuffix(): string {
  sequence += 1;
  return `${sequence}${randomBytes(3).readUIntBE(0, 3)}`;
}
