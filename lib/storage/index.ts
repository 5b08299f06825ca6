/**
 * Media storage (DESIGN.md, "Embedded defaults"): local disk by default, any S3-compatible service
 * when S3_BUCKET is set. Chosen by the environment alone; see README.md beside this file.
 *
 *   const storage = getStorage();
 *   const key = mediaKey(workspaceId, media.id, "original", extensionFor(mimeType));
 *   const { size, sha256 } = await storage.put(key, stream, { contentType: mimeType });
 */
import { env } from "@/lib/env";
import { createDiskStorage } from "./disk";
import { StorageConfigError } from "./errors";
import { createS3Storage } from "./s3";
import type { Storage } from "./types";

export type { ByteRange, ObjectInfo, PutOptions, PutResult, SignedUrlOptions, Storage, StorageBody, StoredObject } from "./types";
export { StorageConfigError, StorageKeyError, StorageRangeError, StorageSizeError } from "./errors";
export { assertKey, extensionFor, keyBelongsTo, keyExtension, mediaKey, workspaceOfKey, type MediaVariant } from "./keys";
export { contentDisposition, dispositionFor, type Disposition } from "./disposition";
export { createDiskStorage, type DiskStorageOptions } from "./disk";
export { createS3Storage, type S3StorageOptions } from "./s3";

/** Where the disk driver keeps files when STORAGE_DIR is unset (relative to the working directory). */
export const DEFAULT_STORAGE_DIR = ".data/storage";

/** The variables that choose and configure the driver (a subset of lib/env's `env`). */
export interface StorageEnv {
  STORAGE_DIR?: string;
  S3_ENDPOINT?: string;
  S3_REGION?: string;
  S3_BUCKET?: string;
  S3_ACCESS_KEY_ID?: string;
  S3_SECRET_ACCESS_KEY?: string;
  S3_FORCE_PATH_STYLE?: boolean;
  S3_PROXY_DOWNLOADS?: boolean;
  VERCEL?: string;
}

/** The driver `source` asks for; throws StorageConfigError for a configuration that cannot work. */
export function storageFromEnv(source: StorageEnv): Storage {
  if (source.S3_BUCKET) {
    if (Boolean(source.S3_ACCESS_KEY_ID) !== Boolean(source.S3_SECRET_ACCESS_KEY)) {
      throw new StorageConfigError(
        "Media storage: set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither (to use the AWS SDK's default credentials).",
      );
    }
    return createS3Storage({
      bucket: source.S3_BUCKET,
      region: source.S3_REGION ?? "us-east-1",
      endpoint: source.S3_ENDPOINT,
      forcePathStyle: source.S3_FORCE_PATH_STYLE ?? false,
      credentials:
        source.S3_ACCESS_KEY_ID && source.S3_SECRET_ACCESS_KEY
          ? { accessKeyId: source.S3_ACCESS_KEY_ID, secretAccessKey: source.S3_SECRET_ACCESS_KEY }
          : undefined,
      redirectDownloads: !source.S3_PROXY_DOWNLOADS,
    });
  }
  if (source.VERCEL) {
    throw new StorageConfigError(
      "Media storage: Vercel's disk does not persist: set S3_BUCKET (with S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, " +
        "and S3_ENDPOINT for Cloudflare R2 or MinIO) to keep media in S3-compatible object storage. See lib/storage/README.md.",
    );
  }
  const stray = (["S3_ENDPOINT", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const).filter((name) => source[name]);
  if (stray.length > 0) {
    throw new StorageConfigError(
      `Media storage: ${stray.join(", ")} ${stray.length === 1 ? "is" : "are"} set but S3_BUCKET is not. Set S3_BUCKET to use S3, or unset ${stray.length === 1 ? "it" : "them"} to store media on disk.`,
    );
  }
  return createDiskStorage({ root: source.STORAGE_DIR ?? DEFAULT_STORAGE_DIR });
}

let instance: Storage | undefined;

/** The process's storage, built from lib/env on first use (and refused there, when it cannot work). */
export function getStorage(): Storage {
  instance ??= storageFromEnv(env);
  return instance;
}
