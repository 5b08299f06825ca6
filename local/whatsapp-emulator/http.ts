/** Small node:http helpers: read a body, answer JSON/HTML/bytes, and a Graph error. */
import type { IncomingMessage, ServerResponse } from "node:http";
import { type GraphError, graphError } from "./graph-errors";

/** Bodies up to 110 MB (documents may be 100 MB). */
export const MAX_BODY_BYTES = 110 * 1024 * 1024;

export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > limit) throw graphError(413, { message: "(#100) Request body too large", code: 100 });
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Parses a JSON (or form-encoded, as Graph also accepts) request body into an object. */
export function parseBody(req: IncomingMessage, body: Buffer): unknown {
  const type = req.headers["content-type"] ?? "";
  const text = body.toString("utf8");
  if (type.includes("application/x-www-form-urlencoded")) {
    const params = new URLSearchParams(text);
    const object: JsonObject = {};
    for (const [key, value] of params) object[key] = tryJson(value);
    return object;
  }
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw graphError(400, { message: "(#100) The request body could not be parsed as JSON", code: 100 });
  }
}

function tryJson(value: string): unknown {
  if (!/^[[{]/.test(value.trim())) return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=UTF-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

export function sendGraphError(res: ServerResponse, error: GraphError): void {
  if (error.httpStatus === 401)
    res.setHeader("www-authenticate", `OAuth "Facebook Platform" "invalid_token" "${error.body.error.message}"`);
  sendJson(res, error.httpStatus, error.body);
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { "content-type": "text/html; charset=UTF-8", "content-length": Buffer.byteLength(html) });
  res.end(html);
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "content-type": "text/plain; charset=UTF-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
}
