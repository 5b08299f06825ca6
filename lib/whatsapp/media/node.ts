/**
 * The media node: GET /{media-id} (a download URL that lives 5 minutes) and DELETE /{media-id}.
 * Both pass `phone_number_id`, which makes Meta refuse media uploaded by another number: one
 * workspace can never read or delete another's media by guessing an id.
 */
import type { CallOptions } from "../call-options";
import { mediaMetadataSchema, successSchema } from "../responses";
import { mediaIdSchema } from "../messages/common";
import { graphPath, type GraphTransport } from "../transport";
import { validateRequest } from "../validate";

export interface MediaMetadata {
  id: string;
  /** Short-lived (5 minutes) download URL; fetching it needs the access token. */
  url: string;
  mimeType: string;
  /** As Meta gives it (hex for uploads; inbound webhooks carry base64). */
  sha256: string | null;
  fileSize: number | null;
}

export async function getMediaMetadata(
  transport: GraphTransport,
  phoneNumberId: string,
  mediaId: string,
  options: CallOptions = {},
): Promise<MediaMetadata> {
  const id = validateRequest("get media", mediaIdSchema, mediaId);
  const node = await transport.call({
    operation: "GET /{media-id}",
    method: "GET",
    path: graphPath(id),
    query: { phone_number_id: phoneNumberId },
    schema: mediaMetadataSchema,
    signal: options.signal,
    timeoutMs: options.timeoutMs,
  });
  return { id: node.id, url: node.url, mimeType: node.mime_type, sha256: node.sha256 ?? null, fileSize: node.file_size ?? null };
}

export async function deleteMedia(
  transport: GraphTransport,
  phoneNumberId: string,
  mediaId: string,
  options: CallOptions = {},
): Promise<void> {
  const id = validateRequest("delete media", mediaIdSchema, mediaId);
  await transport.call({
    operation: "DELETE /{media-id}",
    method: "DELETE",
    path: graphPath(id),
    query: { phone_number_id: phoneNumberId },
    schema: successSchema,
    signal: options.signal,
    timeoutMs: options.timeoutMs,
  });
}
