import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, needsReencryption } from "./secrets";

const K1 = "k1:" + Buffer.alloc(32, 1).toString("base64");
const K2 = "k2:" + Buffer.alloc(32, 2).toString("base64");

describe("secrets at rest", () => {
  it("round-trips, with a fresh IV each time and the key id stored beside the ciphertext", () => {
    const a = encryptSecret("EAAG-token", K1);
    const b = encryptSecret("EAAG-token", K1);
    expect(a).not.toBe(b);
    expect(a).not.toContain("EAAG-token");
    expect(a.split(":").slice(0, 2)).toEqual(["v1", "k1"]);
    expect(decryptSecret(a, K1)).toBe("EAAG-token");
  });

  it("rotates: the first key encrypts, every listed key decrypts", () => {
    const old = encryptSecret("secret", K1);
    const rotated = `${K2},${K1}`;
    expect(decryptSecret(old, rotated)).toBe("secret");
    expect(needsReencryption(old, rotated)).toBe(true);
    const fresh = encryptSecret("secret", rotated);
    expect(fresh.split(":")[1]).toBe("k2");
    expect(needsReencryption(fresh, rotated)).toBe(false);
    expect(() => decryptSecret(fresh, K1)).toThrow(/No key "k2"/);
  });

  it("refuses tampered ciphertext (GCM authentication)", () => {
    const stored = encryptSecret("secret", K1).split(":");
    const body = Buffer.from(stored[4]!, "base64url");
    body[0] = body[0]! ^ 1;
    stored[4] = body.toString("base64url");
    expect(() => decryptSecret(stored.join(":"), K1)).toThrow();
    expect(() => decryptSecret("plain-text-token", K1)).toThrow(/Not an encrypted secret/);
  });

  it("accepts hex keys and refuses keys of the wrong size", () => {
    const hex = "k9:" + "ab".repeat(32);
    expect(decryptSecret(encryptSecret("x", hex), hex)).toBe("x");
    expect(() => encryptSecret("x", "k1:" + Buffer.alloc(16).toString("base64"))).toThrow(/32 bytes/);
  });
});
