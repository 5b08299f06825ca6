/**
 * Media endpoints: POST /{v}/{phone-number-id}/media (multipart upload), GET and DELETE
 * /{v}/{media-id}, and the download URL (GET /whatsapp_business/attachments/?mid=…&hash=…).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { requestToken } from "./auth";
import type { Emulator } from "./emulator";
import { errors } from "./graph-errors";
import { sendText } from "./http";
import { checkUpload } from "./media-store";
import type { EmulatorPhoneNumber, MediaRecord } from "./types";

export async function uploadMedia(
  emulator: Emulator,
  phone: EmulatorPhoneNumber,
  req: IncomingMessage,
  body: Buffer,
): Promise<Record<string, unknown>> {
  const contentType = req.headers["content-type"] ?? "";
  if (!contentType.startsWith("multipart/form-data"))
    throw errors.invalidParameter("Media must be uploaded as multipart/form-data with the fields file, type and messaging_product.");
  let form: FormData;
  try {
    form = await new Request("http://emulator.local/upload", {
      method: "POST",
      headers: { "content-type": contentType },
      body: new Uint8Array(body),
    }).formData();
  } catch {
    throw errors.invalidParameter("The multipart/form-data body could not be parsed.");
  }
  const product = form.get("messaging_product");
  if (product === null) throw errors.missingParameter("messaging_product");
  if (product !== "whatsapp") throw errors.invalidParameter("Param messaging_product must be 'whatsapp'.");
  const file = form.get("file");
  if (file === null) throw errors.missingParameter("file");
  if (typeof file === "string") throw errors.invalidParameter("Param file must be a file upload.");
  const typeField = form.get("type");
  const mimeType = typeof typeField === "string" && typeField ? typeField : file.type;
  if (!mimeType) throw errors.missingParameter("type");
  const bytes = Buffer.from(await file.arrayBuffer());
  checkUpload(mimeType, bytes.length);
  const record = emulator.media.add({
    phoneNumberId: phone.phoneNumberId,
    bytes,
    mimeType,
    filename: file.name || undefined,
    origin: "upload",
  });
  emulator.log(`media ${record.id} uploaded (${mimeType}, ${bytes.length} bytes)`);
  return { id: record.id };
}

export function mediaNode(emulator: Emulator, record: MediaRecord): Record<string, unknown> {
  return {
    messaging_product: "whatsapp",
    url: emulator.media.issueUrl(emulator.baseUrl, record.id),
    mime_type: record.mimeType,
    sha256: record.sha256,
    file_size: record.fileSize,
    id: record.id,
  };
}

/** Media is reachable with the token of the number it belongs to. */
export function requireMediaToken(emulator: Emulator, record: MediaRecord, token: string): void {
  if (emulator.phones.get(record.phoneNumberId)?.accessToken !== token) throw errors.invalidToken();
}

export function deleteMedia(emulator: Emulator, record: MediaRecord): Record<string, unknown> {
  emulator.media.delete(record.id);
  return { success: true };
}

/** GET of a download URL: the bytes, with the owning number's bearer token; 404 once expired. */
export function downloadMedia(emulator: Emulator, req: IncomingMessage, res: ServerResponse, url: URL): void {
  const token = requestToken(req, url);
  if (!token || !emulator.phones.isKnownToken(token)) {
    res.setHeader("www-authenticate", 'OAuth "Facebook Platform" "invalid_token"');
    return sendText(res, 401, "Unauthorized: a valid access token is required to download this media.");
  }
  const stored = emulator.media.resolveUrl(url.searchParams.get("hash") ?? "");
  if (!stored || stored.record.id !== url.searchParams.get("mid"))
    return sendText(res, 404, "Not Found: this media URL is unknown or has expired (URLs live 5 minutes).");
  if (emulator.phones.get(stored.record.phoneNumberId)?.accessToken !== token)
    return sendText(res, 403, "Forbidden: this media belongs to another phone number.");
  if (emulator.faults.failMediaDownload()) return sendText(res, 500, "Internal Server Error: please try again later.");
  const bytes = emulator.faults.mediaBytes(stored.bytes);
  res.writeHead(200, {
    "content-type": stored.record.mimeType,
    "content-length": bytes.length,
    "content-disposition": `inline;filename=${stored.record.filename ?? stored.record.id}`,
    "cache-control": "private, no-cache, no-store, must-revalidate",
  });
  res.end(req.method === "HEAD" ? undefined : bytes);
}
