/**
 * Media bytes for a signed-in viewer. The Media row is looked up by id *and* the viewer's
 * memberships in one query, so a stranger's media, a missing id and media not (or no longer)
 * stored are the same NotFound: no hint that an id exists in another workspace.
 *
 * Not a WorkspaceContext service: a media URL (`/api/media/<id>`) names no workspace, and the
 * media's own workspace is the one whose membership counts. Isolation tests:
 * test/tenant-isolation/media.integration-test.ts.
 */
import { prisma } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { logger } from "@/lib/log";
import { dispositionFor, extensionFor, getStorage, keyBelongsTo, keyExtension, type ByteRange, type MediaVariant } from "@/lib/storage";
import { isSafeContentType } from "@/lib/storage/body";
import type { MediaBody } from "@/lib/storage/http";

export type { MediaVariant };

/** How long a browser keeps media it streamed from us (bytes of a Media id never change). */
export const MEDIA_CACHE_SECONDS = 3600;
/** Lifetime of the presigned URL a redirect points at: long enough to play a long voice note with seeks. */
export const PRESIGNED_URL_SECONDS = 900;
/** How long a browser may reuse the redirect itself (well inside the URL's lifetime). */
export const REDIRECT_CACHE_SECONDS = 300;

const log = logger("media.serve");

export interface ViewableMedia {
  id: string;
  workspaceId: string;
  variant: MediaVariant;
  /** Storage key of the variant, under `w/<workspaceId>/`. */
  key: string;
  /** The Media row's type for the original (as Meta gave it); null for a thumbnail (the stored type counts). */
  mimeType: string | null;
  /** The name to download under: the stored filename, else `<id>.<ext>` (`<id>-thumbnail.<ext>`). */
  filename: string;
}

export type MediaDelivery = { kind: "redirect"; url: string; maxAgeSeconds: number } | ({ kind: "stream" } & MediaBody);

/** The media `userId` may view, or NotFound (missing, another workspace's, not stored, no such variant). */
export async function getMediaForViewer(userId: string, mediaId: string, variant: MediaVariant = "original"): Promise<ViewableMedia> {
  if (mediaId.length === 0 || mediaId.length > 64) throw NotFound();
  // Scoped by the viewer's memberships, not one workspace: a media URL names no workspace.
  const media = await prisma.media.findFirst({
    where: { id: mediaId, status: "stored", workspace: { memberships: { some: { userId } } } },
    select: { id: true, workspaceId: true, mimeType: true, filename: true, storageKey: true, thumbnailKey: true },
  });
  const key = variant === "thumbnail" ? media?.thumbnailKey : media?.storageKey;
  if (!media || !key) throw NotFound();
  if (!keyBelongsTo(key, media.workspaceId)) {
    // Never serve a key outside the media's own workspace, whatever wrote it.
    log.error({ mediaId: media.id, workspaceId: media.workspaceId, variant }, "media row points outside its workspace's storage");
    throw NotFound();
  }
  const original = variant === "original";
  const extension = keyExtension(key) ?? (original ? extensionFor(media.mimeType) : "bin");
  return {
    id: media.id,
    workspaceId: media.workspaceId,
    variant,
    key,
    mimeType: original ? media.mimeType : null,
    filename: (original && media.filename?.trim()) || `${media.id}${original ? "" : "-thumbnail"}.${extension}`,
  };
}

/**
 * What GET /api/media/[id] answers: with S3 (unless proxying), a redirect to a presigned URL that
 * serves the bytes and ranges itself; otherwise the bytes (of `range`), streamed from storage.
 * Throws NotFound, or StorageRangeError for a range past the end (HTTP 416).
 */
export async function serveMedia(
  userId: string,
  mediaId: string,
  options: { variant?: MediaVariant; range?: ByteRange } = {},
): Promise<MediaDelivery> {
  const media = await getMediaForViewer(userId, mediaId, options.variant ?? "original");
  const storage = getStorage();
  const declaredType = media.mimeType && isSafeContentType(media.mimeType) ? media.mimeType : undefined;

  if (storage.redirectDownloads) {
    const url = await storage.signedUrl(media.key, {
      expiresInSeconds: PRESIGNED_URL_SECONDS,
      contentType: declaredType,
      filename: media.filename,
    });
    return { kind: "redirect", url, maxAgeSeconds: REDIRECT_CACHE_SECONDS };
  }

  const object = await storage.get(media.key, { range: options.range });
  if (!object) {
    log.warn({ mediaId: media.id, workspaceId: media.workspaceId, variant: media.variant }, "media is stored but its bytes are missing");
    throw NotFound();
  }
  const contentType = declaredType ?? object.contentType;
  return {
    kind: "stream",
    object,
    contentType,
    disposition: dispositionFor(contentType),
    filename: media.filename,
    maxAgeSeconds: MEDIA_CACHE_SECONDS,
  };
}
