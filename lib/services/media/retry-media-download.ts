/**
 * "Try again" on a media we could not fetch: any member who can see the conversation may ask. The
 * row is put back to pending with a fresh attempt count and downloaded at once (one run, with its
 * own short retries); if that run fails retryably the sweep carries on with the usual backoff.
 */
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { tenantDb } from "@/lib/db/tenant";
import { AppError, NotFound } from "@/lib/errors";
import type { MediaStatus } from "@/lib/generated/prisma/enums";
import { downloadInSlot } from "./inbound/background";
import type { DownloadOptions } from "./inbound/download-media";

export interface MediaState {
  id: string;
  status: MediaStatus;
  /** Why it is not stored (unavailable, or pending after a failed run). */
  error: string | null;
  mimeType: string;
  fileSize: number | null;
  hasThumbnail: boolean;
}

async function mediaState(workspaceId: string, mediaId: string): Promise<MediaState | null> {
  const row = await tenantDb({ workspaceId }).media.findFirst({
    where: { id: mediaId, workspaceId },
    select: { id: true, status: true, error: true, mimeType: true, fileSize: true, thumbnailKey: true, direction: true },
  });
  if (!row) return null;
  return {
    id: row.id,
    status: row.status,
    error: row.error,
    mimeType: row.mimeType,
    fileSize: row.fileSize,
    hasThumbnail: row.thumbnailKey !== null,
  };
}

export async function retryMediaDownload(
  ctx: WorkspaceContext,
  mediaId: string,
  options: Omit<DownloadOptions, "maxAttempts"> = {},
): Promise<MediaState> {
  authorize(ctx, "conversation:view");
  const media = await tenantDb(ctx).media.findFirst({
    where: { id: mediaId, workspaceId: ctx.workspaceId },
    select: { id: true, status: true, direction: true, metaMediaId: true },
  });
  if (!media) throw NotFound("mediaNotFound");
  if (media.status === "deleted") throw new AppError("gone", "mediaDeleted");
  if (media.status === "stored") return (await mediaState(ctx.workspaceId, media.id))!;
  if (media.direction === "outbound" || !media.metaMediaId) throw new AppError("conflict", "mediaNotRetryable");

  const now = (options.now ?? (() => new Date()))();
  // Unavailable → pending, fresh count. A pending row is requeued when it waits out a backoff step
  // (it has an error) or is due, never while a run holds its lease (claim.ts clears the error).
  await tenantDb(ctx).media.updateMany({
    where: {
      id: media.id,
      workspaceId: ctx.workspaceId,
      OR: [
        { status: "unavailable" },
        { status: "pending", OR: [{ error: { not: null } }, { nextAttemptAt: null }, { nextAttemptAt: { lte: now } }] },
      ],
    },
    data: { status: "pending", attempts: 0, nextAttemptAt: null },
  });
  await downloadInSlot(media.id, options);
  return (await mediaState(ctx.workspaceId, media.id))!;
}
