/**
 * The daily media clean-up: for every workspace with a retention limit (`mediaRetentionDays`;
 * null keeps media forever), media older than the limit lose their bytes — original and
 * thumbnail are deleted from storage, then the row becomes `deleted` with its keys cleared. The
 * Media row and its message stay, so the history shows that there was a picture.
 *
 * Bytes go first, the row after: a crash in between leaves a row that still looks stored, which the
 * next run deletes again (deleting a missing key is fine) — never bytes that no row points at. A
 * file storage could not delete keeps its row as is for the next run. Idempotent; safe to run
 * from several schedulers (Trigger.dev, the Node server's timer, Vercel Cron).
 */
import { prisma } from "@/lib/db";
import { tenantDb } from "@/lib/db/tenant";
import { logger } from "@/lib/log";
import type { Storage } from "@/lib/storage";
import { deleteMediaBytes } from "../store-bytes";

const log = logger("media.retention");
const DAY_MS = 24 * 60 * 60 * 1000;

export interface CleanUpOptions {
  now?: Date;
  /** Rows per query (default 200). */
  batchSize?: number;
  storage?: Storage;
  /** Stop starting batches after this time; the rest waits for the next run. */
  deadline?: Date;
}

export interface CleanUpResult {
  /** Workspaces with a limit. */
  workspaces: number;
  /** Media whose bytes were removed and row marked deleted. */
  deleted: number;
  /** Media storage could not delete this time. */
  failed: number;
  /** True when the deadline stopped the run early. */
  incomplete: boolean;
}

export async function cleanUpExpiredMedia(options: CleanUpOptions = {}): Promise<CleanUpResult> {
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? 200;
  const workspaces = await prisma.workspace.findMany({
    where: { mediaRetentionDays: { not: null } },
    select: { id: true, mediaRetentionDays: true },
    orderBy: { id: "asc" },
  });
  const result: CleanUpResult = { workspaces: workspaces.length, deleted: 0, failed: 0, incomplete: false };

  for (const workspace of workspaces) {
    const cutoff = new Date(now.getTime() - (workspace.mediaRetentionDays ?? 0) * DAY_MS);
    const failedIds: string[] = [];
    const db = tenantDb({ workspaceId: workspace.id });
    for (;;) {
      if (options.deadline && Date.now() > options.deadline.getTime()) {
        result.incomplete = true;
        return result;
      }
      const batch = await db.media.findMany({
        where: { workspaceId: workspace.id, status: { not: "deleted" }, createdAt: { lt: cutoff }, id: { notIn: failedIds } },
        orderBy: { createdAt: "asc" },
        take: batchSize,
        select: { id: true, storageKey: true, thumbnailKey: true },
      });
      if (batch.length === 0) break;
      const done: string[] = [];
      for (const media of batch) {
        if (await deleteMediaBytes([media.storageKey, media.thumbnailKey], options.storage)) done.push(media.id);
        else failedIds.push(media.id);
      }
      const { count } = await db.media.updateMany({
        where: { id: { in: done }, workspaceId: workspace.id, status: { not: "deleted" } },
        data: { status: "deleted", storageKey: null, thumbnailKey: null, nextAttemptAt: null },
      });
      result.deleted += count;
    }
    result.failed += failedIds.length;
  }
  if (result.deleted > 0 || result.failed > 0) log.info(result, "expired media cleaned up");
  return result;
}
