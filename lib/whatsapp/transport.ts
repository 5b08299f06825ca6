/**
 * One authenticated HTTP call to the Graph API, with a timeout, typed errors and a zod-checked
 * answer. Every client method goes through here.
 *
 * Connections: the global `fetch` sends every call through undici's global dispatcher, one
 * keep-alive pool per origin shared by the whole process, so successive calls reuse sockets
 * without us creating an Agent (creating one per call is what would defeat keep-alive). A socket
 * only returns to the pool once its body has been read or cancelled, so every path below does one
 * or the other.
 */
import type { z } from "zod";
import { hasErrorEnvelope, toApiError } from "./error-envelope";
import { WhatsAppNetworkError, WhatsAppResponseError } from "./errors";
import { toIssues } from "./validate";

export const DEFAULT_TIMEOUT_MS = 15_000;

export interface TransportOptions {
  baseUrl: string;
  version: string;
  accessToken: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export type QueryValue = string | number | boolean | undefined;

export interface GraphCall<S extends z.ZodType> {
  /** For errors and logs, e.g. "POST /messages". */
  operation: string;
  method: "GET" | "POST" | "DELETE";
  /** Path after the version, built with graphPath(). */
  path: string;
  query?: Record<string, QueryValue>;
  json?: unknown;
  form?: FormData;
  /** Raw bytes as the body (the resumable upload's transfer step). */
  bytes?: { data: Uint8Array; contentType: string };
  /** Extra request headers (e.g. the upload's `file_offset`). */
  headers?: Record<string, string>;
  /** Meta's resumable upload wants `Authorization: OAuth <token>`; everything else `Bearer`. */
  authScheme?: "Bearer" | "OAuth";
  schema: S;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface BinaryCall {
  operation: string;
  url: string;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface GraphTransport {
  call<S extends z.ZodType>(call: GraphCall<S>): Promise<z.output<S>>;
  /** GET an absolute URL with the bearer token; the caller owns (and must drain or cancel) the body. */
  openBinary(call: BinaryCall): Promise<Response>;
  readonly baseUrl: string;
}

/** Joins id segments into a path, encoding each so an id can never add a path segment or query. */
export function graphPath(...segments: string[]): string {
  return segments.map((segment) => `/${encodeURIComponent(segment)}`).join("");
}

export function createGraphTransport(options: TransportOptions): GraphTransport {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const doFetch = options.fetch ?? globalThis.fetch;
  const defaultTimeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const authorization = `Bearer ${options.accessToken}`;

  async function send(
    operation: string,
    url: string,
    init: RequestInit,
    write: boolean,
    signal: AbortSignal | undefined,
    timeoutMs: number,
  ) {
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    try {
      return { response: await doFetch(url, { ...init, signal: combined }), timeout };
    } catch (error) {
      throw toNetworkError(operation, error, { write, timeout, callerSignal: signal, timeoutMs });
    }
  }

  return {
    baseUrl,

    async call<S extends z.ZodType>(call: GraphCall<S>): Promise<z.output<S>> {
      const url = buildUrl(baseUrl, options.version, call.path, call.query);
      const write = call.method !== "GET";
      const timeoutMs = call.timeoutMs ?? defaultTimeout;
      const headers: Record<string, string> = {
        ...call.headers,
        authorization: call.authScheme === "OAuth" ? `OAuth ${options.accessToken}` : authorization,
        accept: "application/json",
      };
      let body: BodyInit | undefined;
      if (call.form) {
        body = call.form; // fetch sets the multipart boundary itself
      } else if (call.bytes) {
        headers["content-type"] = call.bytes.contentType;
        body = call.bytes.data as Uint8Array<ArrayBuffer>;
      } else if (call.json !== undefined) {
        headers["content-type"] = "application/json";
        body = JSON.stringify(call.json);
      }

      const { response, timeout } = await send(call.operation, url, { method: call.method, headers, body }, write, call.signal, timeoutMs);
      let text: string;
      try {
        text = await response.text();
      } catch (error) {
        // The headers came back, then the body stalled or the connection dropped.
        throw toNetworkError(call.operation, error, { write, timeout, callerSignal: call.signal, timeoutMs, afterHeaders: true });
      }

      if (!response.ok) throw toApiError({ operation: call.operation, status: response.status, headers: response.headers, bodyText: text });

      let json: unknown;
      try {
        json = text === "" ? {} : JSON.parse(text);
      } catch {
        throw new WhatsAppResponseError(call.operation, response.status, [{ path: "", message: "body is not JSON" }], {
          outcomeUnknown: write,
        });
      }
      if (hasErrorEnvelope(json))
        throw toApiError({ operation: call.operation, status: response.status, headers: response.headers, bodyText: text });

      const parsed = call.schema.safeParse(json);
      if (!parsed.success)
        throw new WhatsAppResponseError(call.operation, response.status, toIssues(parsed.error), { outcomeUnknown: write });
      return parsed.data;
    },

    async openBinary(call: BinaryCall): Promise<Response> {
      const timeoutMs = call.timeoutMs ?? defaultTimeout;
      const { response } = await send(
        call.operation,
        call.url,
        { method: "GET", headers: { authorization } },
        false,
        call.signal,
        timeoutMs,
      );
      if (!response.ok) {
        const text = await response.text().catch(() => "");
        // Media URLs answer plain text (401, 403, 404 once expired), not Meta's envelope.
        throw toApiError({
          operation: call.operation,
          status: response.status,
          headers: response.headers,
          bodyText: text,
          codelessCategory: "media",
        });
      }
      return response;
    },
  };
}

function buildUrl(baseUrl: string, version: string, path: string, query: Record<string, QueryValue> | undefined): string {
  const url = new URL(`${baseUrl}/${encodeURIComponent(version)}${path}`);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url.toString();
}

// Failures that happen before a single byte of the request leaves: the request certainly did not
// reach Meta, so even a send can be retried without risk of delivering twice.
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "UND_ERR_CONNECT_TIMEOUT"]);

interface FailureContext {
  write: boolean;
  timeout: AbortSignal | null;
  callerSignal: AbortSignal | undefined;
  timeoutMs: number;
  afterHeaders?: boolean;
}

/** Maps a fetch/body failure to a WhatsAppNetworkError; a caller's own abort is rethrown untouched. */
function toNetworkError(operation: string, error: unknown, context: FailureContext): unknown {
  if (context.callerSignal?.aborted) return context.callerSignal.reason ?? error;
  const timedOut = (context.timeout?.aborted ?? false) || (error instanceof DOMException && error.name === "TimeoutError");
  if (timedOut) {
    return new WhatsAppNetworkError(operation, "timeout", { outcomeUnknown: context.write, cause: error, timeoutMs: context.timeoutMs });
  }
  const code = causeCode(error);
  const certainlyNotSent = !context.afterHeaders && code !== null && NOT_SENT_CODES.has(code);
  return new WhatsAppNetworkError(operation, "network", { outcomeUnknown: context.write && !certainlyNotSent, cause: error });
}

/** Node's fetch throws TypeError("fetch failed") with the system error as `cause`. */
function causeCode(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as Error & { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = current.cause;
  }
  return null;
}
