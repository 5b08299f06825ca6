/**
 * The storage contract against the disk driver, chosen by the environment (STORAGE_DIR set, no
 * S3_BUCKET), its signed URLs fetched over real HTTP from the real signed-download route; then
 * what only the disk driver promises: files under STORAGE_DIR, atomic writes, nothing outside.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it, vi } from "vitest";
import { GET as signedRoute } from "@/app/api/media/signed/[token]/route";
import { createDiskStorage, getStorage, mediaKey, StorageKeyError } from "./index";
import { SIGNED_DOWNLOAD_PATH } from "./signed-token";
import { storageContract } from "./storage.contract";
import { serveRoute, type RouteServer } from "./testing/route-server";

const root = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = mkdtempSync(join(tmpdir(), "parley-storage-"));
  process.env.STORAGE_DIR = dir;
  return dir;
});

const viaRoute = (request: Request) =>
  signedRoute(request, { params: Promise.resolve({ token: new URL(request.url).pathname.slice(SIGNED_DOWNLOAD_PATH.length) }) });

storageContract("disk", async () => {
  const storage = getStorage();
  expect(storage.driver).toBe("disk");
  const server: RouteServer = await serveRoute(viaRoute);
  return {
    storage,
    fetchSigned: (url, init) => {
      expect(url.startsWith(SIGNED_DOWNLOAD_PATH)).toBe(true);
      return fetch(new URL(url, server.origin), init);
    },
    cleanup: async () => {
      await server.close();
      await rm(root, { recursive: true, force: true });
    },
  };
});

/** Every file below `dir`, relative, sorted. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

describe("disk driver", () => {
  const fresh = async () => {
    const { mkdtemp } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const dir = await mkdtemp(path.join(tmpdir(), "parley-disk-"));
    return { dir, storage: createDiskStorage({ root: dir }) };
  };

  it("keeps an object at its key's path below the root, with a sidecar for the content type", async () => {
    const { dir, storage } = await fresh();
    const key = mediaKey("ws1", "m1", "original", "jpg");
    await storage.put(key, Buffer.from("jpeg bytes"), { contentType: "image/jpeg" });
    expect(filesUnder(dir)).toEqual(["w/ws1/media/m1/original.jpg", "w/ws1/media/m1/original.jpg~meta"]);
    expect(readFileSync(path.join(dir, "w/ws1/media/m1/original.jpg"), "utf8")).toBe("jpeg bytes");
    expect(JSON.parse(readFileSync(path.join(dir, "w/ws1/media/m1/original.jpg~meta"), "utf8"))).toMatchObject({
      contentType: "image/jpeg",
      size: 10,
    });
    await rm(dir, { recursive: true });
  });

  it("leaves no temporary file behind, whether a write succeeds or fails", async () => {
    const { dir, storage } = await fresh();
    const key = mediaKey("ws1", "m2", "original", "bin");
    await storage.put(key, Readable.from([Buffer.alloc(100_000, 1), Buffer.alloc(100_000, 2)]), {
      contentType: "application/octet-stream",
    });
    async function* broken() {
      yield Buffer.alloc(50_000, 3);
      throw new Error("connection reset");
    }
    await expect(storage.put(key, Readable.from(broken()), { contentType: "application/octet-stream" })).rejects.toThrow(
      "connection reset",
    );
    await expect(
      storage.put(mediaKey("ws1", "m3", "original", "bin"), Readable.from(broken()), { contentType: "application/octet-stream" }),
    ).rejects.toThrow();
    expect(filesUnder(dir)).toEqual(["w/ws1/media/m2/original.bin", "w/ws1/media/m2/original.bin~meta"]);
    await rm(dir, { recursive: true });
  });

  it("a reader holding the old object keeps reading it whole while it is overwritten", async () => {
    const { dir, storage } = await fresh();
    const key = mediaKey("ws1", "m4", "original", "bin");
    await storage.put(key, Buffer.alloc(1_000_000, "a"), { contentType: "application/octet-stream" });
    const old = await storage.get(key);
    await storage.put(key, Buffer.alloc(10, "b"), { contentType: "application/octet-stream" });
    let text = "";
    for await (const chunk of old?.stream as AsyncIterable<Buffer>) text += chunk.toString();
    expect(text).toBe("a".repeat(1_000_000));
    await rm(dir, { recursive: true });
  });

  it("prunes empty folders on delete, up to the workspace's", async () => {
    const { dir, storage } = await fresh();
    const key = mediaKey("ws1", "m5", "original", "jpg");
    await storage.put(key, Buffer.from("x"), { contentType: "image/jpeg" });
    await storage.delete(key);
    expect(await readdir(path.join(dir, "w/ws1"))).toEqual([]);
    await rm(dir, { recursive: true });
  });

  it("never touches a path outside its root, whatever the key", async () => {
    const { dir, storage } = await fresh();
    const outside = path.join(path.dirname(dir), `${path.basename(dir)}-outside.txt`);
    for (const key of [`w/ws1/../../${path.basename(outside)}`, `/${outside}`, `w/ws1/..%2F..%2Fx`, "w/..", "w/ws1/\u2025/x"]) {
      await expect(storage.put(key, Buffer.from("escape"), { contentType: "text/plain" })).rejects.toBeInstanceOf(StorageKeyError);
    }
    expect(existsSync(outside)).toBe(false);
    expect(filesUnder(dir)).toEqual([]);
    await rm(dir, { recursive: true });
  });
});
