/**
 * The Resumable Upload API, as Meta has it for template media samples:
 *   POST /{v}/{app-id}/uploads?file_name=&file_length=&file_type=  → {"id":"upload:…?sig=…"}
 *   POST /{v}/upload:…  (Authorization: OAuth <token>, file_offset: <n>, raw bytes) → {"h":"4::…"}
 *   GET  /{v}/upload:…  → {"id","file_offset"} to resume an interrupted upload.
 */
import type { IncomingMessage } from "node:http";
import type { Emulator } from "./emulator";
import { errors } from "./graph-errors";

export function isUploadSessionId(id: string): boolean {
  return /^upload(?::|%3A)/i.test(id);
}

export function createUploadSession(emulator: Emulator, appId: string, url: URL): Record<string, unknown> {
  return emulator.samples.createSession(appId, url.searchParams);
}

export function uploadSessionRequest(
  emulator: Emulator,
  req: IncomingMessage,
  url: URL,
  pathId: string,
  method: string,
  body: Buffer,
): Record<string, unknown> {
  // Meta reads the token of this call from the Authorization header only ("OAuth" or "Bearer").
  if (method === "POST" && !req.headers.authorization) throw errors.invalidToken();
  const session = emulator.samples.session(pathId, url.searchParams.get("sig"));
  if (!session) throw errors.unsupportedRequest(method, pathId);
  if (method === "GET") return emulator.samples.status(session);
  if (method === "POST") {
    const offset = req.headers.file_offset;
    return emulator.samples.append(session, Array.isArray(offset) ? offset[0] : offset, body);
  }
  throw errors.unsupportedRequest(method, pathId);
}
