import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sha256Hex, sha256Of } from "./sha256";

const bytes = Buffer.from("parley media");
const digest = createHash("sha256").update(bytes).digest();

describe("sha256Hex", () => {
  it("reads Meta's hex (media node) and base64 (webhooks) alike", () => {
    const hex = digest.toString("hex");
    expect(sha256Hex(hex)).toBe(hex);
    expect(sha256Hex(hex.toUpperCase())).toBe(hex);
    expect(sha256Hex(digest.toString("base64"))).toBe(hex);
    expect(sha256Hex(digest.toString("base64url"))).toBe(hex);
    expect(sha256Of(bytes)).toBe(hex);
  });

  it("answers null for anything that is not a SHA-256", () => {
    for (const value of [null, undefined, "", "  ", "abc", "z".repeat(64), Buffer.alloc(16).toString("base64"), "0".repeat(63)]) {
      expect(sha256Hex(value)).toBeNull();
    }
  });
});
