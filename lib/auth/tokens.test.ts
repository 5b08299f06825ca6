import { afterEach, describe, expect, it, vi } from "vitest";
import { randomToken, sha256, signToken, verifyToken } from "./tokens";

/** Flips one character of `part` of a `body.signature` token, keeping it valid base64url. */
function tamper(token: string, part: 0 | 1): string {
  const pieces = token.split(".");
  const piece = pieces[part] ?? "";
  const i = Math.floor(piece.length / 2);
  pieces[part] = piece.slice(0, i) + (piece[i] === "A" ? "B" : "A") + piece.slice(i + 1);
  return pieces.join(".");
}

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

describe("signToken / verifyToken", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("round-trips the payload with its expiry", () => {
    const before = Math.floor(Date.now() / 1000);
    const token = signToken("reset", { uid: "u1", n: 7 }, 60);
    const payload = verifyToken("reset", token);
    expect(payload).toMatchObject({ uid: "u1", n: 7 });
    expect(payload?.exp).toBeGreaterThanOrEqual(before + 60);
    expect(payload?.exp).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 60);
  });

  it("refuses a token signed for another purpose", () => {
    const token = signToken("password-reset", { uid: "u1" }, 60);
    expect(verifyToken("invitation", token)).toBeNull();
  });

  it("refuses a tampered body or signature", () => {
    const token = signToken("reset", { uid: "u1" }, 60);
    expect(verifyToken("reset", tamper(token, 0))).toBeNull();
    expect(verifyToken("reset", tamper(token, 1))).toBeNull();
  });

  it("refuses a body re-encoded with another user id under the original signature", () => {
    const token = signToken("reset", { uid: "victim" }, 60);
    const [body = "", signature = ""] = token.split(".");
    const payload = JSON.parse(Buffer.from(body, "base64url").toString()) as Record<string, unknown>;
    expect(verifyToken("reset", `${encode({ ...payload, uid: "attacker" })}.${signature}`)).toBeNull();
  });

  it("refuses malformed tokens", () => {
    const token = signToken("reset", { uid: "u1" }, 60);
    for (const bad of ["", ".", "abc", `${token}.extra`, `${token.split(".")[0]}.`, `.${token.split(".")[1]}`, "%%%.%%%"]) {
      expect(verifyToken("reset", bad), bad).toBeNull();
    }
  });

  it("expires after its ttl, not before", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-01-01T00:00:00Z"));
    const token = signToken("reset", { uid: "u1" }, 3600);

    vi.setSystemTime(new Date("2026-01-01T00:59:59Z"));
    expect(verifyToken("reset", token)).not.toBeNull();
    vi.setSystemTime(new Date("2026-01-01T01:00:01Z"));
    expect(verifyToken("reset", token)).toBeNull();
  });

  it("refuses a token whose ttl has already run out", () => {
    expect(verifyToken("reset", signToken("reset", { uid: "u1" }, -1))).toBeNull();
  });

  it("depends on AUTH_SECRET: a token signed under another secret does not verify", async () => {
    const token = signToken("reset", { uid: "u1" }, 60);
    vi.stubEnv("AUTH_SECRET", "another-secret-another-secret-another-secret");
    vi.resetModules(); // lib/env reads the environment once per module graph
    try {
      const fresh = await import("./tokens");
      expect(fresh.verifyToken("reset", token)).toBeNull();
      expect(fresh.verifyToken("reset", fresh.signToken("reset", { uid: "u1" }, 60))).not.toBeNull();
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });
});

describe("randomToken / sha256", () => {
  it("gives distinct url-safe tokens of the requested entropy", () => {
    const tokens = new Set(Array.from({ length: 100 }, () => randomToken()));
    expect(tokens.size).toBe(100);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken(16)).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it("hashes to lower-case hex sha256", () => {
    expect(sha256("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});
