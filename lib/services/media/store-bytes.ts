/**
 * Puts a media's bytes into storage under its workspace-scoped keys: the original, and for photos a
 * thumbnail made once (a thumbnail already in storage, from an earlier run that crashed before
 * recording it, is reused rather than made again).
 */
import { extensionFor, getStorage, mediaKey, type Storage } from "@/lib/storage";
import { logger } from "@/lib/log";
import { isSafeContentType } from "@/lib/storage/body";
import { makeThumbnail, THUMBNAIL_EXTENSION, THUMBNAIL_MIME_TYPE, wantsThumbnail } from "./thumbnail";

const log = logger("media.store");

export interface StoredBytes {
  storageKey: string;
  thumbnailKey: string | null;
  fileSize: number;
  /** Lowercase hex SHA-256 of the stored original. */
  sha256: string;
}

export async function storeMediaBytes(
  media: { id: string; workspaceId: string },
  bytes: Buffer,
  mimeType: string,
  storage: Storage = getStorage(),
): Promise<StoredBytes> {
  const storageKey = mediaKey(media.workspaceId, media.id, "original", extensionFor(mimeType));
  // Meta's type is stored as given when it is a well-formed one, else as plain bytes.
  const contentType = isSafeContentType(mimeType) ? mimeType : "application/octet-stream";
  const { size, sha256 } = await storage.put(storageKey, bytes, { contentType, contentLength: bytes.length });
  const thumbnailKey = wantsThumbnail(mimeType) ? await storeThumbnail(media, bytes, storage) : null;
  return { storageKey, thumbnailKey, fileSize: size, sha256 };
}

async function storeThumbnail(media: { id: string; workspaceId: string }, bytes: Buffer, storage: Storage): Promise<string | null> {
  const key = mediaKey(media.workspaceId, media.id, "thumbnail", THUMBNAIL_EXTENSION);
  if (await storage.head(key)) return key;
  const thumbnail = await makeThumbnail(bytes);
  if (!thumbnail) {
    log.warn({ mediaId: media.id }, "could not make a thumbnail; the original is stored");
    return null;
  }
  await storage.put(key, thumbnail, { contentType: THUMBNAIL_MIME_TYPE, contentLength: thumbnail.length });
  return key;
}

/**
 * Removes stored variants; a missing key is fine. Tries every key; false when one could not be
 * deleted (logged), so a caller can leave its row as is and try again later.
 */
export async function deleteMediaBytes(keys: (string | null | undefined)[], storage: Storage = getStorage()): Promise<boolean> {
  let deleted = true;
  for (const key of keys) {
    if (!key) continue;
    try {
      await storage.delete(key);
    } catch (error) {
      log.warn({ key, err: error }, "could not delete a media file");
      deleted = false;
    }
  }
  return deleted;
}
