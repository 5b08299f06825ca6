/**
 * Parley's own copy of a template sample, as a workspace Media row (outbound, no message), so a
 * saved draft's preview shows the picture again after a reload (`/api/media/<id>`, members only).
 * Meta keeps only its handle, which no browser can open. The copy is a convenience: a failure to
 * keep it is logged and the upload still succeeds; the workspace's media retention applies to it.
 */
import type { WorkspaceContext } from "@/lib/auth/context";
import { tenantDb } from "@/lib/db/tenant";
import { logger } from "@/lib/log";
import { storeMediaBytes } from "@/lib/services/media/store-bytes";

const log = logger("templates.samples");

export async function keepSampleCopy(ctx: WorkspaceContext, file: { bytes: Buffer; mimeType: string; fileName: string }): Promise<string | undefined> {
  const db = tenantDb(ctx);
  try {
    const media = await db.media.create({
      data: { workspaceId: ctx.workspaceId, direction: "outbound", status: "pending", mimeType: file.mimeType, filename: file.fileName },
      select: { id: true, workspaceId: true },
    });
    const stored = await storeMediaBytes(media, file.bytes, file.mimeType);
    await db.media.update({
      where: { id: media.id },
      data: { status: "stored", storageKey: stored.storageKey, thumbnailKey: stored.thumbnailKey, fileSize: stored.fileSize, sha256: stored.sha256 },
    });
    return media.id;
  } catch (error) {
    log.warn({ err: error, workspaceId: ctx.workspaceId }, "could not keep a copy of a template sample; its preview will show a placeholder");
    return undefined;
  }
}
