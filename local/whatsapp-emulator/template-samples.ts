/**
 * The Resumable Upload API's state: upload sessions (`upload:<id>`) that receive a file's bytes in
 * one or more POSTs, and the file handles (`h`) they end in. Template media samples must be given
 * as such a handle in `example.header_handle`, so the handles are kept with their bytes and type.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { errors } from "./graph-errors";
import { numericId } from "./ids";
import type { TemplateSampleRecord } from "./types";

/** The MIME types Meta's Application Uploads endpoint takes (image/jpg is its alias of image/jpeg). */
export const UPLOAD_FILE_TYPES = ["application/pdf", "image/jpeg", "image/jpg", "image/png", "video/mp4"] as const;

/** Largest file an upload session takes; Meta's template samples are far smaller (video 16 MB, document 100 MB). */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

interface UploadSession {
  /** "upload:<base64>" without the `?sig=` part. */
  id: string;
  sig: string;
  appId: string;
  fileName: string;
  fileType: string;
  fileLength: number;
  chunks: Buffer[];
  received: number;
  handle?: string;
  createdAt: number;
}

export interface StoredSample {
  record: TemplateSampleRecord;
  bytes: Buffer;
}

export class TemplateSamples {
  private readonly sessions = new Map<string, UploadSession>();
  private readonly samples = new Map<string, StoredSample>();

  constructor(private readonly now: () => number) {}

  /** POST /{app-id}/uploads: checks the description of the file and opens a session. */
  createSession(appId: string, query: URLSearchParams): { id: string } {
    const fileLengthParam = query.get("file_length");
    const fileType = query.get("file_type");
    if (fileLengthParam === null) throw errors.missingParameter("file_length");
    if (fileType === null) throw errors.missingParameter("file_type");
    const fileLength = Number(fileLengthParam);
    if (!/^\d+$/.test(fileLengthParam) || fileLength <= 0)
      throw errors.invalidParameter(`Param file_length must be a positive integer; got '${fileLengthParam}'.`);
    if (!(UPLOAD_FILE_TYPES as readonly string[]).includes(fileType))
      throw errors.invalidParameter(`Param file_type must be one of {${UPLOAD_FILE_TYPES.join(", ")}}; got '${fileType}'.`);
    if (fileLength > MAX_UPLOAD_BYTES)
      throw errors.invalidParameter(`Param file_length must be at most ${MAX_UPLOAD_BYTES} bytes (the emulator's cap).`);
    const id = sessionId();
    const session: UploadSession = {
      id,
      sig: `AR${randomBytes(12).toString("base64url")}`,
      appId,
      fileName: query.get("file_name") || "file",
      fileType,
      fileLength,
      chunks: [],
      received: 0,
      createdAt: this.now(),
    };
    this.sessions.set(id, session);
    return { id: fullId(session) };
  }

  /** The session a path names: "upload:<base64>" with or without its "?sig=…" (decoded, if the client encoded it). */
  session(pathId: string, sigParam: string | null): UploadSession | undefined {
    const [id, sigInPath] = splitSig(pathId);
    const session = this.sessions.get(id);
    const sig = sigInPath ?? sigParam;
    // A missing signature is tolerated; a wrong one names no session, as a forged id would not.
    if (!session || (sig !== null && sig !== session.sig)) return undefined;
    return session;
  }

  /** GET upload:<id>: how many bytes have arrived, the offset to resume from. */
  status(session: UploadSession): { id: string; file_offset: number } {
    return { id: fullId(session), file_offset: session.received };
  }

  /**
   * POST upload:<id> with a `file_offset` header and bytes. The offset must be where the session
   * stands (0, or what GET answered after an interruption). Once `file_length` bytes are in, the
   * answer is the file handle; before that, the session's progress.
   */
  append(session: UploadSession, offsetHeader: string | undefined, bytes: Buffer): { h: string } | { id: string; file_offset: number } {
    if (offsetHeader === undefined) throw errors.missingParameter("file_offset");
    if (!/^\d+$/.test(offsetHeader.trim()))
      throw errors.invalidParameter(`Header file_offset must be a non-negative integer; got '${offsetHeader}'.`);
    const offset = Number(offsetHeader.trim());
    if (offset !== session.received)
      throw errors.invalidParameter(
        `The file_offset ${offset} does not match the upload session's offset ${session.received}. GET the session for its file_offset and resume from there.`,
      );
    if (session.handle) return { h: session.handle };
    if (session.received + bytes.length > session.fileLength)
      throw errors.invalidParameter(
        `The upload has ${session.received + bytes.length} bytes, more than the session's file_length of ${session.fileLength}.`,
      );
    if (bytes.length > 0) {
      session.chunks.push(bytes);
      session.received += bytes.length;
    }
    if (session.received < session.fileLength) return this.status(session);

    const all = Buffer.concat(session.chunks);
    session.chunks = [all];
    const handle = sampleHandle(session, this.now());
    session.handle = handle;
    const mimeType = session.fileType === "image/jpg" ? "image/jpeg" : session.fileType;
    this.samples.set(handle, {
      bytes: all,
      record: {
        handle,
        sessionId: fullId(session),
        appId: session.appId,
        fileName: session.fileName,
        mimeType,
        fileSize: all.length,
        sha256: createHash("sha256").update(all).digest("hex"),
        createdAt: this.now(),
      },
    });
    return { h: handle };
  }

  /** For tests and the control API: a complete upload in one call; the handle. */
  add(appId: string, bytes: Buffer, mimeType: string, fileName = "sample"): string {
    const query = new URLSearchParams({ file_length: String(bytes.length), file_type: mimeType, file_name: fileName });
    const { id } = this.createSession(appId, query);
    const answer = this.append(this.session(id, null)!, "0", bytes);
    return (answer as { h: string }).h;
  }

  sample(handle: string): StoredSample | undefined {
    return this.samples.get(handle);
  }

  all(): TemplateSampleRecord[] {
    return [...this.samples.values()].map((sample) => sample.record);
  }

  clear(): void {
    this.sessions.clear();
    this.samples.clear();
  }
}

/** Meta's ids are "upload:" + standard base64 of "1:attachment:<uuid>?"; kept free of "/" so it stays one path segment. */
function sessionId(): string {
  for (;;) {
    const encoded = Buffer.from(`1:attachment:${randomUUID()}?`).toString("base64");
    if (!encoded.includes("/")) return `upload:${encoded}`;
  }
}

function fullId(session: UploadSession): string {
  return `${session.id}?sig=${session.sig}`;
}

function splitSig(pathId: string): [string, string | undefined] {
  let decoded = pathId;
  try {
    decoded = decodeURIComponent(pathId);
  } catch {
    // Not percent-encoded; use it as it is.
  }
  const at = decoded.indexOf("?sig=");
  return at === -1 ? [decoded, undefined] : [decoded.slice(0, at), decoded.slice(at + "?sig=".length)];
}

/**
 * A handle shaped like Meta's template sample handles:
 * "4::<base64 MIME type>:<opaque>:e:<expiry, Unix seconds>:<app id>:<uploader id>:<sig>".
 */
function sampleHandle(session: UploadSession, nowMs: number): string {
  const mime = Buffer.from(session.fileType === "image/jpg" ? "image/jpeg" : session.fileType).toString("base64");
  const opaque = `ARb${randomBytes(24).toString("base64url")}`;
  const expiry = Math.floor(nowMs / 1000) + 30 * 24 * 3600;
  return `4::${mime}:${opaque}:e:${expiry}:${session.appId}:${numericId(15)}:AR${randomBytes(9).toString("base64url")}`;
}
