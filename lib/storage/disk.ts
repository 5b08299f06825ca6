/**
 * The embedded default: objects as files under one folder (`.data/storage`, or STORAGE_DIR).
 *
 * - A key maps to a path below the root only (keys.ts refuses `..`, absolute paths and odd
 *   characters; the resolved path is checked again).
 * - Writes are atomic: bytes go to a temporary file beside the target, are flushed to disk, then
 *   renamed over it, so a reader sees the old file or the new, never half of one; a failed write
 *   leaves no trace.
 * - The content type lives in a sidecar file `<name>~meta` (JSON). `~` is not allowed in keys, so
 *   sidecars and temporary files (`<name>~tmp-…`) never collide with an object.
 */
import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, rmdir, unlink, writeFile, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { assertContentLength, assertContentType, assertExpiry, DigestCounter, toReadable } from "./body";
import { assertKey } from "./keys";
import { assertByteRange, resolveRange } from "./range";
import { signDownloadToken, SIGNED_DOWNLOAD_PATH } from "./signed-token";
import type { ObjectInfo, Storage, StoredObject } from "./types";

const META = "~meta";
const FALLBACK_TYPE = "application/octet-stream";

interface Meta {
  contentType: string;
  size: number;
  sha256: string;
}

function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error ? String(error.code) : undefined;
}

const MISSING = new Set(["ENOENT", "ENOTDIR"]);

export interface DiskStorageOptions {
  /** The folder holding the objects; created on first write. */
  root: string;
}

export function createDiskStorage(options: DiskStorageOptions): Storage {
  // turbopackIgnore: a folder chosen at run time, not a file for the build to trace and bundle.
  const root = path.resolve(/*turbopackIgnore: true*/ options.root);

  function pathFor(key: string): string {
    assertKey(key);
    const file = path.resolve(/*turbopackIgnore: true*/ root, ...key.split("/"));
    // keys.ts already makes this impossible; a second, independent check costs nothing.
    if (!file.startsWith(root + path.sep)) throw new Error(`Storage key escapes the storage folder: ${key}`);
    return file;
  }

  async function readMeta(file: string): Promise<Partial<Meta>> {
    try {
      const parsed: unknown = JSON.parse(await readFile(file + META, "utf8"));
      return typeof parsed === "object" && parsed !== null ? (parsed as Partial<Meta>) : {};
    } catch {
      return {};
    }
  }

  async function openFile(file: string): Promise<{ handle: FileHandle; size: number } | null> {
    let handle: FileHandle;
    try {
      handle = await open(file, "r");
    } catch (error) {
      if (MISSING.has(errorCode(error) ?? "") || errorCode(error) === "EISDIR") return null;
      throw error;
    }
    try {
      const stat = await handle.stat();
      if (stat.isFile()) return { handle, size: stat.size };
    } catch (error) {
      await handle.close();
      throw error;
    }
    // A "directory" key such as `w/<id>/media` is not an object.
    await handle.close();
    return null;
  }

  /** Removes now-empty folders from the object's up to (not including) `w/<workspaceId>`. */
  async function pruneEmptyFolders(file: string): Promise<void> {
    const stop = path.join(root, ...path.relative(root, file).split(path.sep).slice(0, 2));
    for (let dir = path.dirname(file); dir.startsWith(stop + path.sep); dir = path.dirname(dir)) {
      try {
        await rmdir(dir);
      } catch {
        return; // not empty (or already gone): stop here
      }
    }
  }

  /**
   * Creates the temporary file, and its folder. Retried because a delete in the same folder may
   * prune the folder between the two; once the file exists the folder is not empty, so stays.
   */
  async function createTemp(file: string): Promise<FileHandle> {
    for (let attempt = 1; ; attempt++) {
      await mkdir(path.dirname(file), { recursive: true });
      try {
        // `wx`: never write through a file someone else created under the temporary name.
        return await open(file, "wx");
      } catch (error) {
        if (errorCode(error) !== "ENOENT" || attempt >= 3) throw error;
      }
    }
  }

  return {
    driver: "disk",
    redirectDownloads: false,

    async put(key, body, { contentType, contentLength }) {
      const file = pathFor(key);
      assertContentType(contentType);
      assertContentLength(contentLength);
      const tag = randomBytes(6).toString("hex");
      const temp = `${file}~tmp-${tag}`;
      const metaTemp = `${file}${META}~tmp-${tag}`;
      const counter = new DigestCounter(contentLength);
      try {
        const handle = await createTemp(temp);
        try {
          await pipeline(toReadable(body), counter, async (chunks: AsyncIterable<Buffer>) => {
            for await (const chunk of chunks) await handle.write(chunk);
          });
          await handle.sync();
        } finally {
          await handle.close();
        }
        const meta: Meta = { contentType, size: counter.byteCount, sha256: counter.sha256 };
        await writeFile(metaTemp, JSON.stringify(meta), { flag: "wx" });
        await rename(temp, file);
        await rename(metaTemp, file + META);
      } catch (error) {
        await unlink(temp).catch(() => undefined);
        await unlink(metaTemp).catch(() => undefined);
        await pruneEmptyFolders(file);
        throw error;
      }
      return { size: counter.byteCount, sha256: counter.sha256 };
    },

    async get(key, options = {}): Promise<StoredObject | null> {
      const file = pathFor(key);
      if (options.range) assertByteRange(options.range);
      const opened = await openFile(file);
      if (!opened) return null;
      const { handle, size } = opened;
      try {
        const contentType = (await readMeta(file)).contentType ?? FALLBACK_TYPE;
        if (!options.range) {
          return { stream: handle.createReadStream({ autoClose: true }), size, contentType };
        }
        const contentRange = resolveRange(options.range, size);
        return { stream: handle.createReadStream({ ...contentRange, autoClose: true }), size, contentType, contentRange };
      } catch (error) {
        await handle.close();
        throw error;
      }
    },

    async head(key): Promise<ObjectInfo | null> {
      const file = pathFor(key);
      const opened = await openFile(file);
      if (!opened) return null;
      await opened.handle.close();
      return { size: opened.size, contentType: (await readMeta(file)).contentType ?? FALLBACK_TYPE };
    },

    async delete(key) {
      const file = pathFor(key);
      for (const target of [file, file + META]) {
        try {
          await unlink(target);
        } catch (error) {
          if (!MISSING.has(errorCode(error) ?? "") && errorCode(error) !== "EISDIR") throw error;
        }
      }
      await pruneEmptyFolders(file);
    },

    async signedUrl(key, options) {
      assertKey(key);
      assertExpiry(options.expiresInSeconds);
      if (options.contentType) assertContentType(options.contentType);
      return `${SIGNED_DOWNLOAD_PATH}${signDownloadToken(key, options)}`;
    },
  };
}
