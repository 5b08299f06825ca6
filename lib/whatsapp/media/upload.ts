/** POST /{phone-number-id}/media: multipart upload (file bytes, mime type, filename) → media id. */
import { z } from "zod";
import type { CallOptions } from "../call-options";
import { WhatsAppMediaTooLargeError } from "../errors";
import { uploadResponseSchema } from "../responses";
import { graphPath, type GraphTransport } from "../transport";
import { validateRequest } from "../validate";
import { mediaTypeOf, MEDIA_TYPES } from "./limits";

export interface MediaUpload {
  file: Blob | Uint8Array;
  /** One of Meta's supported types (MEDIA_TYPES), e.g. "image/jpeg", "audio/ogg; codecs=opus". */
  mimeType: string;
  /** The name the upload carries (shown for documents unless the send sets another). */
  filename: string;
}

const uploadSchema = z.object({
  mimeType: z.string().refine((type) => mediaTypeOf(type) !== undefined, {
    message: `unsupported media type; supported: ${Object.keys(MEDIA_TYPES).join(", ")}`,
  }),
  filename: z
    .string()
    .min(1)
    .max(255)
    .refine((name) => !/[\r\n"]/.test(name), "no quotes or line breaks"),
  size: z.number().int().positive("the file is empty"),
});

export async function uploadMedia(
  transport: GraphTransport,
  phoneNumberId: string,
  upload: MediaUpload,
  options: CallOptions = {},
): Promise<{ id: string }> {
  const size = upload.file instanceof Blob ? upload.file.size : upload.file.byteLength;
  const input = validateRequest("upload media", uploadSchema, { mimeType: upload.mimeType, filename: upload.filename, size });
  const limit = mediaTypeOf(input.mimeType)!.maxBytes;
  if (size > limit) throw new WhatsAppMediaTooLargeError(limit, size);

  const form = new FormData();
  form.append("messaging_product", "whatsapp");
  form.append("type", input.mimeType);
  form.append("file", toBlob(upload.file, input.mimeType), input.filename);
  const response = await transport.call({
    operation: "POST /media",
    method: "POST",
    path: graphPath(phoneNumberId, "media"),
    form,
    schema: uploadResponseSchema,
    signal: options.signal,
    timeoutMs: options.timeoutMs,
  });
  return { id: response.id };
}

function toBlob(file: Blob | Uint8Array, mimeType: string): Blob {
  // Re-typed so the part's Content-Type is the declared type, whatever the Blob said.
  if (file instanceof Blob) return file.slice(0, file.size, mimeType);
  // A view over a SharedArrayBuffer is not a valid BlobPart; copy only in that case.
  const bytes = file.buffer instanceof ArrayBuffer ? (file as Uint8Array<ArrayBuffer>) : new Uint8Array(file);
  return new Blob([bytes], { type: mimeType });
}
