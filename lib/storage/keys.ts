/**
 * Storage keys, scoped by workspace: every key is `w/<workspaceId>/…`, so one workspace's files
 * can be listed, moved or deleted by prefix, and a key can be checked against the workspace that
 * asks for it. The same rules hold on disk and in S3, so a key never means a path outside the
 * storage folder: segments are `[A-Za-z0-9._-]`, none empty, none starting with a dot (no `.`,
 * `..` or hidden files), no leading slash, no backslash.
 */
import { StorageKeyError } from "./errors";

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;
const EXTENSION = /^[a-z0-9]{1,10}$/;
const MAX_KEY_LENGTH = 512;

export type MediaVariant = "original" | "thumbnail";

/** Throws StorageKeyError unless `key` is `w/<workspaceId>/<segment>[/<segment>…]` within the rules above. */
export function assertKey(key: string): void {
  if (typeof key !== "string" || key.length === 0) throw new StorageKeyError(String(key), "empty");
  if (key.length > MAX_KEY_LENGTH) throw new StorageKeyError(key, `longer than ${MAX_KEY_LENGTH} characters`);
  const segments = key.split("/");
  const [scope, workspaceId, ...rest] = segments;
  if (scope !== "w" || workspaceId === undefined || !ID.test(workspaceId) || rest.length === 0) {
    throw new StorageKeyError(key, "keys live under w/<workspaceId>/");
  }
  for (const segment of rest) {
    if (!SEGMENT.test(segment)) throw new StorageKeyError(key, `bad segment ${JSON.stringify(segment.slice(0, 40))}`);
  }
}

/** The workspace a valid key belongs to. */
export function workspaceOfKey(key: string): string {
  assertKey(key);
  return key.split("/")[1] as string;
}

/** True when `key` is valid and under `w/<workspaceId>/`. */
export function keyBelongsTo(key: string, workspaceId: string): boolean {
  try {
    return workspaceOfKey(key) === workspaceId;
  } catch {
    return false;
  }
}

/** `w/<workspaceId>/media/<mediaId>/<variant>.<ext>`; `ext` without the dot ("jpg", "ogg"). */
export function mediaKey(workspaceId: string, mediaId: string, variant: MediaVariant, ext: string): string {
  if (!ID.test(workspaceId)) throw new StorageKeyError(workspaceId, "bad workspace id");
  if (!ID.test(mediaId)) throw new StorageKeyError(mediaId, "bad media id");
  const extension = ext.replace(/^\./, "").toLowerCase();
  if (!EXTENSION.test(extension)) throw new StorageKeyError(ext, "bad extension");
  if (variant !== "original" && variant !== "thumbnail") throw new StorageKeyError(variant, "bad variant");
  const key = `w/${workspaceId}/media/${mediaId}/${variant}.${extension}`;
  assertKey(key);
  return key;
}

/** The extension at the end of a key's last segment ("jpg"), if any. */
export function keyExtension(key: string): string | undefined {
  const last = key.slice(key.lastIndexOf("/") + 1);
  const dot = last.lastIndexOf(".");
  return dot > 0 ? last.slice(dot + 1).toLowerCase() : undefined;
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "image/gif": "gif",
  "audio/aac": "aac",
  "audio/amr": "amr",
  "audio/mpeg": "mp3",
  "audio/mp4": "m4a",
  "audio/ogg": "ogg",
  "video/mp4": "mp4",
  "video/3gpp": "3gp",
  "text/plain": "txt",
  "application/pdf": "pdf",
  "application/msword": "doc",
  "application/vnd.ms-excel": "xls",
  "application/vnd.ms-powerpoint": "ppt",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
};

/** The usual extension for a MIME type ("audio/ogg; codecs=opus" → "ogg"); "bin" when unknown. */
export function extensionFor(mimeType: string | null | undefined): string {
  const base = (mimeType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  return EXTENSIONS[base] ?? "bin";
}
