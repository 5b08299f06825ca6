/**
 * Template samples (the media a header's `example.header_handle` points at) go through Meta's
 * Resumable Upload API, not POST /{phone-number-id}/media: a media id is refused there.
 *
 *   1. POST /{app-id}/uploads?file_name&file_length&file_type → { id: "upload:<session>" }
 *   2. POST /upload:<session> with `Authorization: OAuth <token>`, `file_offset: 0` and the raw
 *      bytes → { h: "<handle>" }
 *
 * The whole file goes in one transfer (samples are small: 5 MB images, 16 MB videos, 100 MB
 * documents), so no resume is needed; a failed transfer starts a new session.
 */
import { z } from "zod";
import type { CallOptions } from "../call-options";
import { uploadHandleSchema, uploadSessionSchema } from "../responses";
import { graphPath, type GraphTransport } from "../transport";
import { validateRequest } from "../validate";

/** The file types the Resumable Upload API takes (Meta's list). */
export const SAMPLE_UPLOAD_TYPES = ["application/pdf", "image/jpeg", "image/jpg", "image/png", "video/mp4"] as const;

export interface SampleUpload {
  /** The Meta app the session belongs to (META_APP_ID). */
  appId: string;
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

const sampleSchema = z.object({
  appId: z.string().regex(/^\d{1,30}$/, "expected a numeric app id"),
  fileName: z
    .string()
    .min(1)
    .max(255)
    .refine((name) => !/[\r\n]/.test(name), "no line breaks"),
  mimeType: z.enum(SAMPLE_UPLOAD_TYPES),
  size: z.number().int().positive("the file is empty"),
});

/** "upload:<session>?sig=…" (Meta's ids carry a signature as a query): the path and its query. */
function sessionTarget(id: string): { path: string; query: Record<string, string> } {
  const [session = "", search = ""] = id.split(/\?(.*)/s, 2);
  if (!/^upload:[\w\-=+/.:]{1,2000}$/.test(session)) throw new Error(`unexpected upload session id ${session.slice(0, 40)}`);
  // Only the colon is kept as is: it is part of Meta's id, and the rest of the id is base64.
  const path = `/${encodeURIComponent(session).replace(/%3A/gi, ":")}`;
  return { path, query: Object.fromEntries(new URLSearchParams(search)) };
}

/** Uploads one sample; the handle goes into the template's `example.header_handle`. */
export async function uploadSample(
  transport: GraphTransport,
  upload: SampleUpload,
  options: CallOptions = {},
): Promise<{ handle: string }> {
  const input = validateRequest("upload template sample", sampleSchema, {
    appId: upload.appId,
    fileName: upload.fileName,
    mimeType: upload.mimeType,
    size: upload.bytes.byteLength,
  });
  const session = await transport.call({
    operation: "POST /uploads",
    method: "POST",
    path: graphPath(input.appId, "uploads"),
    query: { file_name: input.fileName, file_length: input.size, file_type: input.mimeType },
    schema: uploadSessionSchema,
    signal: options.signal,
    timeoutMs: options.timeoutMs,
  });
  const target = sessionTarget(session.id);
  const transferred = await transport.call({
    operation: "POST /upload:session",
    method: "POST",
    path: target.path,
    query: target.query,
    authScheme: "OAuth",
    headers: { file_offset: "0" },
    bytes: { data: upload.bytes, contentType: input.mimeType },
    schema: uploadHandleSchema,
    signal: options.signal,
    timeoutMs: options.timeoutMs,
  });
  return { handle: transferred.h };
}
