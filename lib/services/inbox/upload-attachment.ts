/**
 * An attachment chosen in the composer: checked, converted when Meta would refuse it, stored and
 * uploaded to Meta by the outbound media service (lib/services/media/README.md, "Outbound"), for
 * a conversation of the workspace. The answer is what the composer shows and later sends
 * (`content: { type: "media", mediaUploadId }`). Size and type refusals are AppErrors on `file`.
 */
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { consumeLimit } from "@/lib/rate-limit";
import { tenantDb } from "@/lib/db/tenant";
import { NotFound } from "@/lib/errors";
import { prepareOutboundMedia } from "@/lib/services/media/outbound/prepare-outbound-media";

/** A browser File, or anything shaped like one (name, type, a byte stream). */
export interface AttachmentFile {
  name: string;
  type: string;
  stream(): ReadableStream<Uint8Array>;
}

export interface UploadedAttachment {
  mediaUploadId: string;
  kind: "image" | "video" | "audio" | "document" | "sticker";
  filename: string;
  mimeType: string;
  size: number;
  /** True when the file was converted (a WebP or GIF picture becomes a JPEG). */
  converted: boolean;
}

export async function uploadAttachment(ctx: WorkspaceContext, input: { conversationId: string; file: AttachmentFile }): Promise<UploadedAttachment> {
  authorize(ctx, "conversation:reply");
  const conversation = await tenantDb(ctx).conversation.findFirst({
    where: { id: input.conversationId, workspaceId: ctx.workspaceId },
    select: { id: true },
  });
  if (!conversation) throw NotFound("conversationNotFound");
  await consumeLimit("media-upload:member", `${ctx.workspaceId}:${ctx.userId}`);
  const media = await prepareOutboundMedia(ctx, { stream: input.file.stream(), filename: input.file.name || "file", mimeType: input.file.type || null });
  return { mediaUploadId: media.id, kind: media.kind, filename: media.filename, mimeType: media.mimeType, size: media.fileSize, converted: media.converted };
}
