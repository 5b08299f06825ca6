/**
 * An agent's attachment, ready to send: the bytes are read (at most 100 MB, Meta's largest),
 * their real type sniffed (the browser's claim is not trusted), a 512 px WebP kept as a sticker
 * (sticker.ts), other pictures Meta refuses converted to JPEG, the result checked against Meta's
 * type and size limits, stored in our storage (what our screens show) and uploaded to Meta's media endpoint (the id a send refers to).
 *
 * The Media row is written first (pending, outbound, leased like a download) so that a crash
 * midway leaves a row the media sweep settles as unavailable, removing any bytes already stored.
 * A failure here removes both and throws an AppError.
 */
import type { Readable } from "node:stream";
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { tenantDb } from "@/lib/db/tenant";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log";
import type { Storage } from "@/lib/storage";
import { clientForConnection } from "@/lib/services/whatsapp/client-for";
import { connectionForWorkspace } from "@/lib/services/whatsapp/connection-secrets";
import { isWhatsAppError, WhatsAppApiError } from "@/lib/whatsapp/errors";
import { baseMimeType, MAX_MEDIA_BYTES } from "@/lib/whatsapp/media/limits";
import { LEASE_MS } from "../inbound/claim";
import { formatBytes } from "../inbound/limits";
import { deleteMediaBytes, storeMediaBytes } from "../store-bytes";
import { convertToJpeg, CONVERTIBLE_IMAGE_TYPES, isReadableImage } from "./convert-image";
import { attachmentFilename } from "./filename";
import { readLimited } from "./read-input";
import { sniffMediaType } from "./sniff";
import { isSticker } from "./sticker";
import { attachmentType } from "./supported";

const log = logger("media.outbound");

const IMAGE_MAX_BYTES = 5 * 1024 * 1024;

export type OutboundMediaInput = (
  { bytes: Uint8Array; stream?: never } | { stream: ReadableStream<Uint8Array> | Readable; bytes?: never }
) & {
  filename: string;
  /** What the browser said; used only to break ties the bytes cannot (audio or video MP4). */
  mimeType?: string | null;
};

export interface PreparedMedia {
  id: string;
  workspaceId: string;
  direction: "outbound";
  status: "stored";
  mimeType: string;
  filename: string;
  fileSize: number;
  sha256: string;
  storageKey: string;
  thumbnailKey: string | null;
  metaMediaId: string;
  /** The kind of message it can be sent as. */
  kind: "image" | "video" | "audio" | "document" | "sticker";
  /** True when the file was converted (e.g. WebP → JPEG). */
  converted: boolean;
}

const tooLarge = (maxBytes: number) =>
  new AppError("payload_too_large", "mediaTooLarge", { params: { max: formatBytes(maxBytes) }, field: "file" });
const notSupported = (type: string | null) =>
  new AppError("invalid", "mediaTypeNotSupported", { params: { type: type ? baseMimeType(type) : "?" }, field: "file" });

/** Reads, sniffs, converts and checks: the bytes and type Meta will take, or an AppError. */
async function acceptableFile(input: OutboundMediaInput) {
  const raw = await readLimited(input.bytes ?? input.stream, MAX_MEDIA_BYTES);
  if (raw === null) throw tooLarge(MAX_MEDIA_BYTES);
  if (raw.length === 0) throw new AppError("invalid", "mediaEmpty", { field: "file" });

  const sniffed = sniffMediaType(raw, { claimedType: input.mimeType, filename: input.filename });
  if (sniffed === "image/jpeg" || sniffed === "image/png") {
    if (raw.length > IMAGE_MAX_BYTES) throw tooLarge(IMAGE_MAX_BYTES);
    if (!(await isReadableImage(raw, sniffed === "image/jpeg" ? "jpeg" : "png")))
      throw new AppError("invalid", "mediaUnreadable", { field: "file" });
    return { bytes: raw, mimeType: sniffed, kind: "image" as const, converted: false };
  }
  if (sniffed === "image/webp" && (await isSticker(raw))) {
    return { bytes: raw, mimeType: sniffed, kind: "sticker" as const, converted: false };
  }
  if (sniffed && CONVERTIBLE_IMAGE_TYPES.has(sniffed)) {
    const jpeg = await convertToJpeg(raw, IMAGE_MAX_BYTES);
    if (!jpeg) throw notSupported(sniffed);
    return { bytes: jpeg, mimeType: "image/jpeg", kind: "image" as const, converted: true };
  }
  const type = sniffed ? attachmentType(sniffed) : undefined;
  if (!sniffed || !type || type.kind === "image") throw notSupported(sniffed ?? input.mimeType ?? null);
  if (raw.length > type.maxBytes) throw tooLarge(type.maxBytes);
  return { bytes: raw, mimeType: sniffed, kind: type.kind as PreparedMedia["kind"], converted: false };
}

export async function prepareOutboundMedia(
  ctx: WorkspaceContext,
  input: OutboundMediaInput,
  options: { storage?: Storage } = {},
): Promise<PreparedMedia> {
  authorize(ctx, "conversation:reply");
  const connection = await connectionForWorkspace(ctx.workspaceId);
  if (!connection) throw new AppError("invalid", "notConnected");
  const file = await acceptableFile(input);
  const filename = attachmentFilename(input.filename, file.mimeType);

  const media = await tenantDb(ctx).media.create({
    data: {
      workspaceId: ctx.workspaceId,
      direction: "outbound",
      status: "pending",
      mimeType: file.mimeType,
      filename,
      nextAttemptAt: new Date(Date.now() + LEASE_MS),
    },
    select: { id: true, workspaceId: true },
  });

  let stored: Awaited<ReturnType<typeof storeMediaBytes>> | undefined;
  try {
    stored = await storeMediaBytes(media, file.bytes, file.mimeType, options.storage);
    const { id: metaMediaId } = await clientForConnection(connection).uploadMedia({ file: file.bytes, mimeType: file.mimeType, filename });
    await tenantDb(ctx).media.update({
      where: { id: media.id },
      data: {
        status: "stored",
        storageKey: stored.storageKey,
        thumbnailKey: stored.thumbnailKey,
        fileSize: stored.fileSize,
        sha256: stored.sha256,
        metaMediaId,
        nextAttemptAt: null,
      },
    });
    return {
      id: media.id,
      workspaceId: ctx.workspaceId,
      direction: "outbound",
      status: "stored",
      mimeType: file.mimeType,
      filename,
      fileSize: stored.fileSize,
      sha256: stored.sha256,
      storageKey: stored.storageKey,
      thumbnailKey: stored.thumbnailKey,
      metaMediaId,
      kind: file.kind,
      converted: file.converted,
    };
  } catch (error) {
    await deleteMediaBytes([stored?.storageKey, stored?.thumbnailKey], options.storage);
    await tenantDb(ctx).media.deleteMany({ where: { id: media.id, workspaceId: ctx.workspaceId } });
    throw uploadError(error);
  }
}

function uploadError(error: unknown): unknown {
  if (!isWhatsAppError(error)) return error;
  log.warn({ err: error }, "media upload to Meta failed");
  if (error instanceof WhatsAppApiError && error.category === "media") {
    return new AppError("invalid", "mediaRefusedByMeta", {
      params: { reason: error.details ?? error.title ?? error.message },
      cause: error,
    });
  }
  return new AppError("invalid", "mediaUploadFailed", { cause: error });
}
