/**
 * GET /api/media/signed/<token>: a disk-driver signed URL works without a session until it
 * expires; a forged, altered, foreign-purpose or expired token is a plain 404.
 */
import { rm } from "node:fs/promises";
import { afterAll, describe, expect, it, vi } from "vitest";
import { signToken } from "@/lib/auth/tokens";
import { getStorage } from "@/lib/storage";
import { GET } from "./route";

const storageDir = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = mkdtempSync(join(tmpdir(), "parley-signed-route-"));
  process.env.STORAGE_DIR = dir;
  return dir;
});

afterAll(async () => {
  await rm(storageDir, { recursive: true, force: true });
});

const PREFIX = "/api/media/signed/";
const get = (url: string, range?: string) =>
  GET(new Request(new URL(url, "http://parley.test"), { headers: range ? { Range: range } : {} }), {
    params: Promise.resolve({ token: url.slice(PREFIX.length) }),
  });

describe("GET /api/media/signed/[token]", () => {
  const key = "w/wssigned/media/m1/original.ogg";
  const bytes = Buffer.from("OggS voice note bytes");

  it("serves what the token grants, whole and by range, with the media headers", async () => {
    const storage = getStorage();
    await storage.put(key, bytes, { contentType: "audio/ogg" });
    const url = await storage.signedUrl(key, { expiresInSeconds: 120 });
    expect(url.startsWith(PREFIX)).toBe(true);
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("audio/ogg");
    expect(response.headers.get("content-disposition")).toBe("inline");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toMatch(/^private, max-age=1[12]\d$/);
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
    const part = await get(url, "bytes=0-3");
    expect(part.status).toBe(206);
    expect(await part.text()).toBe("OggS");
    expect((await get(url, "bytes=999-")).status).toBe(416);
  });

  it("answers 404 to a forged, altered, foreign-purpose or malformed token", async () => {
    const storage = getStorage();
    await storage.put(key, bytes, { contentType: "audio/ogg" });
    const url = await storage.signedUrl(key, { expiresInSeconds: 120 });
    const [body = "", signature = ""] = url.slice(PREFIX.length).split(".");
    const otherKey = Buffer.from(JSON.stringify({ k: "w/other/media/m1/original.ogg", exp: 9_999_999_999 })).toString("base64url");
    for (const token of [
      `${otherKey}.${signature}`,
      `${body}.${signature.slice(0, -2)}AA`,
      signToken("password-reset", { k: key }, 120),
      signToken("storage-download", { k: "../../etc/passwd" }, 120),
      "not-a-token",
      "",
    ]) {
      const response = await get(`${PREFIX}${token}`);
      expect(response.status).toBe(404);
      expect(await response.text()).toBe("Not found");
    }
  });
});
