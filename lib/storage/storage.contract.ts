/**
 * The one contract every storage driver keeps, run against each of them (disk.integration-test.ts,
 * s3.integration-test.ts): the same calls, the same answers. A new driver is done when it passes.
 */
import { createHash, randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StorageKeyError, StorageRangeError, StorageSizeError } from "./errors";
import { mediaKey } from "./keys";
import type { Storage, StoredObject } from "./types";

export interface ContractSubject {
  storage: Storage;
  /** Fetches what `signedUrl` returned, as a browser would (the disk driver's URLs are same-origin paths). */
  fetchSigned(url: string, init?: RequestInit): Promise<Response>;
  cleanup?(): Promise<void>;
}

const WORKSPACE = "wscontract01";
let sequence = 0;
/** A fresh key per test, so tests share nothing. */
function freshKey(ext = "bin"): string {
  sequence += 1;
  return mediaKey(WORKSPACE, `m${sequence}${randomBytes(4).toString("hex")}`, "original", ext);
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

async function read(object: StoredObject | null): Promise<Buffer> {
  if (!object) throw new Error("expected an object, got null");
  const chunks: Buffer[] = [];
  for await (const chunk of object.stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** A stream of unknown length: `total` random bytes in uneven chunks; also returns the bytes. */
function unevenStream(total: number): { stream: Readable; bytes: Buffer } {
  const bytes = randomBytes(total);
  async function* chunks() {
    for (let offset = 0, step = 1; offset < total; step = (step * 7) % 300_001) {
      const size = Math.min(total - offset, 1 + step);
      yield bytes.subarray(offset, offset + size);
      offset += size;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return { stream: Readable.from(chunks()), bytes };
}

/** A stream that fails after some bytes, as a dropped download would. */
function failingStream(): Readable {
  async function* chunks() {
    yield randomBytes(64 * 1024);
    throw new Error("connection reset");
  }
  return Readable.from(chunks());
}

export function storageContract(name: string, setup: () => Promise<ContractSubject>): void {
  describe(`storage contract: ${name}`, () => {
    let subject: ContractSubject;
    let storage: Storage;
    beforeAll(async () => {
      subject = await setup();
      storage = subject.storage;
    });
    afterAll(async () => {
      await subject?.cleanup?.();
    });

    it("stores binary bytes and gives them back, with their size, SHA-256 and content type", async () => {
      const key = freshKey("png");
      const bytes = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(70_000)]);
      expect(await storage.put(key, bytes, { contentType: "image/png" })).toEqual({ size: bytes.length, sha256: sha256(bytes) });
      const object = await storage.get(key);
      expect(object).toMatchObject({ size: bytes.length, contentType: "image/png" });
      expect(object?.contentRange).toBeUndefined();
      expect((await read(object)).equals(bytes)).toBe(true);
    });

    it("streams more than 5 MB of unknown length in and out", async () => {
      const key = freshKey("mp4");
      const { stream, bytes } = unevenStream(5 * 1024 * 1024 + 1_234_567);
      expect(await storage.put(key, stream, { contentType: "video/mp4" })).toEqual({ size: bytes.length, sha256: sha256(bytes) });
      expect(await storage.head(key)).toEqual({ size: bytes.length, contentType: "video/mp4" });
      const back = await read(await storage.get(key));
      expect(back.length).toBe(bytes.length);
      expect(sha256(back)).toBe(sha256(bytes));
    });

    it("accepts a web ReadableStream (a fetch body) and a Uint8Array", async () => {
      const bytes = randomBytes(10_000);
      const web = new Blob([bytes]).stream();
      const key = freshKey();
      expect(await storage.put(key, web, { contentType: "application/octet-stream", contentLength: bytes.length })).toEqual({
        size: 10_000,
        sha256: sha256(bytes),
      });
      expect((await read(await storage.get(key))).equals(bytes)).toBe(true);
      const key2 = freshKey();
      await storage.put(key2, new Uint8Array(bytes.buffer, bytes.byteOffset, 100), { contentType: "application/octet-stream" });
      expect((await read(await storage.get(key2))).equals(bytes.subarray(0, 100))).toBe(true);
    });

    it("stores an empty object", async () => {
      const key = freshKey("txt");
      expect(await storage.put(key, Buffer.alloc(0), { contentType: "text/plain" })).toEqual({ size: 0, sha256: sha256(Buffer.alloc(0)) });
      expect(await storage.head(key)).toEqual({ size: 0, contentType: "text/plain" });
      expect((await read(await storage.get(key))).length).toBe(0);
      await expect(storage.get(key, { range: { start: 0 } })).rejects.toBeInstanceOf(StorageRangeError);
    });

    describe("byte ranges", () => {
      const bytes = randomBytes(100_000);
      const key = freshKey("ogg");
      beforeAll(async () => {
        await storage.put(key, bytes, { contentType: "audio/ogg; codecs=opus" });
      });

      it.each([
        ["start-end", { start: 10, end: 19 }, 10, 19],
        ["start-open", { start: 99_000 }, 99_000, 99_999],
        ["the last byte", { start: 99_999 }, 99_999, 99_999],
        ["the last byte, closed", { start: 99_999, end: 99_999 }, 99_999, 99_999],
        ["a suffix", { suffix: 500 }, 99_500, 99_999],
        ["a suffix longer than the object", { suffix: 1_000_000 }, 0, 99_999],
        ["an end past the object (clamped)", { start: 50_000, end: 5_000_000 }, 50_000, 99_999],
      ] as const)("%s", async (_label, range, start, end) => {
        const object = await storage.get(key, { range });
        expect(object).toMatchObject({ size: 100_000, contentType: "audio/ogg; codecs=opus", contentRange: { start, end } });
        expect((await read(object)).equals(bytes.subarray(start, end + 1))).toBe(true);
      });

      it("refuses a start past the end with the object's size", async () => {
        const error = await storage.get(key, { range: { start: 100_000 } }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(StorageRangeError);
        expect((error as StorageRangeError).size).toBe(100_000);
      });

      it("refuses a malformed range as a programming error", async () => {
        await expect(storage.get(key, { range: { start: 10, end: 5 } })).rejects.toBeInstanceOf(RangeError);
        await expect(storage.get(key, { range: { start: -1 } })).rejects.toBeInstanceOf(RangeError);
      });
    });

    it("answers null for a missing key: get, head, and a range of it", async () => {
      const key = freshKey();
      expect(await storage.get(key)).toBeNull();
      expect(await storage.get(key, { range: { start: 0, end: 10 } })).toBeNull();
      expect(await storage.get(key, { range: { suffix: 10 } })).toBeNull();
      expect(await storage.head(key)).toBeNull();
      // A "folder" above objects is not an object either.
      expect(await storage.get(`w/${WORKSPACE}/media`)).toBeNull();
    });

    it("deletes (then get and head answer null); deleting a missing key is fine", async () => {
      const key = freshKey();
      await storage.put(key, randomBytes(1000), { contentType: "application/pdf" });
      await storage.delete(key);
      expect(await storage.get(key)).toBeNull();
      expect(await storage.head(key)).toBeNull();
      await expect(storage.delete(key)).resolves.toBeUndefined();
      await expect(storage.delete(freshKey())).resolves.toBeUndefined();
    });

    it("deleting one object leaves its neighbours", async () => {
      const original = mediaKey(WORKSPACE, "neighbours1", "original", "jpg");
      const thumbnail = mediaKey(WORKSPACE, "neighbours1", "thumbnail", "jpg");
      await storage.put(original, Buffer.from("original"), { contentType: "image/jpeg" });
      await storage.put(thumbnail, Buffer.from("thumbnail"), { contentType: "image/jpeg" });
      await storage.delete(original);
      expect((await read(await storage.get(thumbnail))).toString()).toBe("thumbnail");
      await storage.delete(thumbnail);
      await storage.put(original, Buffer.from("again"), { contentType: "image/jpeg" });
      expect((await read(await storage.get(original))).toString()).toBe("again");
    });

    it("overwrites: the new bytes, size and type replace the old", async () => {
      const key = freshKey();
      await storage.put(key, randomBytes(50_000), { contentType: "image/jpeg" });
      const second = randomBytes(1234);
      expect(await storage.put(key, second, { contentType: "image/png" })).toEqual({ size: 1234, sha256: sha256(second) });
      expect(await storage.head(key)).toEqual({ size: 1234, contentType: "image/png" });
      expect((await read(await storage.get(key))).equals(second)).toBe(true);
    });

    it("refuses a body whose length is not contentLength, and stores nothing", async () => {
      const key = freshKey();
      const longer = await storage.put(key, randomBytes(101), { contentType: "image/png", contentLength: 100 }).catch((e: unknown) => e);
      expect(longer).toBeInstanceOf(StorageSizeError);
      const shorter = await storage
        .put(key, Readable.from([randomBytes(99)]), { contentType: "image/png", contentLength: 100 })
        .catch((e: unknown) => e);
      expect(shorter).toBeInstanceOf(StorageSizeError);
      expect(await storage.head(key)).toBeNull();
    });

    it("a failed write keeps the previous object whole", async () => {
      const key = freshKey();
      const first = randomBytes(3000);
      await storage.put(key, first, { contentType: "image/jpeg" });
      await expect(storage.put(key, failingStream(), { contentType: "image/png" })).rejects.toThrow("connection reset");
      expect(await storage.head(key)).toEqual({ size: 3000, contentType: "image/jpeg" });
      expect((await read(await storage.get(key))).equals(first)).toBe(true);
      const fresh = freshKey();
      await expect(storage.put(fresh, failingStream(), { contentType: "image/png" })).rejects.toThrow("connection reset");
      expect(await storage.head(fresh)).toBeNull();
    });

    it.each([
      ["no workspace scope", "media/m1/original.jpg"],
      ["another top-level folder", "x/ws1/media/m1.jpg"],
      ["the workspace folder itself", "w/ws1"],
      ["an empty workspace id", "w//media/m1.jpg"],
      ["a parent segment", "w/ws1/../ws2/media/m1.jpg"],
      ["a parent segment at the end", "w/ws1/media/.."],
      ["a dot segment", "w/ws1/./m1.jpg"],
      ["an absolute path", "/etc/passwd"],
      ["an absolute path under w", "/w/ws1/m1.jpg"],
      ["a backslash", "w/ws1/..\\..\\m1.jpg"],
      ["an empty segment", "w/ws1/media//m1.jpg"],
      ["a trailing slash", "w/ws1/media/"],
      ["a hidden file", "w/ws1/.htaccess"],
      ["a NUL byte", "w/ws1/m1\u0000.jpg"],
      ["a tilde (reserved for sidecars)", "w/ws1/m1.jpg~meta"],
      ["an empty key", ""],
    ])("refuses a key with %s, in every operation", async (_label, key) => {
      await expect(storage.put(key, Buffer.from("x"), { contentType: "text/plain" })).rejects.toBeInstanceOf(StorageKeyError);
      await expect(storage.get(key)).rejects.toBeInstanceOf(StorageKeyError);
      await expect(storage.head(key)).rejects.toBeInstanceOf(StorageKeyError);
      await expect(storage.delete(key)).rejects.toBeInstanceOf(StorageKeyError);
      await expect(storage.signedUrl(key, { expiresInSeconds: 60 })).rejects.toBeInstanceOf(StorageKeyError);
    });

    it("refuses a content type that is not one", async () => {
      await expect(storage.put(freshKey(), Buffer.from("x"), { contentType: "text/html\r\nX-Injected: 1" })).rejects.toBeInstanceOf(
        TypeError,
      );
      await expect(storage.put(freshKey(), Buffer.from("x"), { contentType: "" })).rejects.toBeInstanceOf(TypeError);
    });

    describe("signed URLs", () => {
      const bytes = randomBytes(20_000);
      const key = freshKey("pdf");
      beforeAll(async () => {
        await storage.put(key, bytes, { contentType: "application/pdf" });
      });

      it("are fetchable with plain fetch (no cookies), whole and by range", async () => {
        const url = await storage.signedUrl(key, { expiresInSeconds: 60, filename: "Invoice Mei 2025 — final.pdf" });
        const response = await subject.fetchSigned(url);
        expect(response.status).toBe(200);
        expect(response.headers.get("content-type")).toBe("application/pdf");
        expect(response.headers.get("content-disposition")).toBe(
          `attachment; filename="Invoice Mei 2025 _ final.pdf"; filename*=UTF-8''Invoice%20Mei%202025%20%E2%80%94%20final.pdf`,
        );
        expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);

        const partial = await subject.fetchSigned(url, { headers: { Range: "bytes=100-199" } });
        expect(partial.status).toBe(206);
        expect(partial.headers.get("content-range")).toBe("bytes 100-199/20000");
        expect(Buffer.from(await partial.arrayBuffer()).equals(bytes.subarray(100, 200))).toBe(true);
      });

      it("answer with the content type and disposition asked for", async () => {
        const url = await storage.signedUrl(key, { expiresInSeconds: 60, contentType: "image/png", disposition: "inline" });
        const response = await subject.fetchSigned(url);
        expect(response.status).toBe(200);
        expect(response.headers.get("content-type")).toBe("image/png");
        expect(response.headers.get("content-disposition")).toBe("inline");
        await response.arrayBuffer();
      });

      it("decide the disposition from the stored type when told nothing", async () => {
        const audio = freshKey("ogg");
        await storage.put(audio, randomBytes(100), { contentType: "audio/ogg" });
        const response = await subject.fetchSigned(await storage.signedUrl(audio, { expiresInSeconds: 60 }));
        expect(response.headers.get("content-disposition")).toBe("inline");
        await response.arrayBuffer();
      });

      it("stop working once expired", async () => {
        const url = await storage.signedUrl(key, { expiresInSeconds: 1 });
        await new Promise((resolve) => setTimeout(resolve, 2_200));
        const response = await subject.fetchSigned(url);
        expect([403, 404]).toContain(response.status);
        expect(Buffer.from(await response.arrayBuffer()).includes(bytes.subarray(0, 64))).toBe(false);
      });

      it("do not outlive the object", async () => {
        const gone = freshKey();
        await storage.put(gone, randomBytes(10), { contentType: "image/png" });
        const url = await storage.signedUrl(gone, { expiresInSeconds: 60, contentType: "image/png" });
        await storage.delete(gone);
        const response = await subject.fetchSigned(url);
        expect(response.status).toBe(404);
        await response.arrayBuffer();
      });

      it("refuse an expiry outside 1 second to 7 days", async () => {
        await expect(storage.signedUrl(key, { expiresInSeconds: 0 })).rejects.toBeInstanceOf(RangeError);
        await expect(storage.signedUrl(key, { expiresInSeconds: 604_801 })).rejects.toBeInstanceOf(RangeError);
      });
    });
  });
}
