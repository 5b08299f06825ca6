/**
 * Turns a failed HTTP answer into a WhatsAppApiError. Meta's envelope is
 * `{"error":{"message","type","code","error_subcode"?,"error_data":{"details"},"fbtrace_id"}}`,
 * but a proxy or load balancer in between can answer with HTML or nothing at all: those still
 * become a WhatsAppApiError (code null), classified by HTTP status.
 */
import { z } from "zod";
import { WhatsAppApiError, type WhatsAppErrorCategory } from "./errors";

// Lenient on purpose: every field is optional and extra fields pass, because a stricter schema
// would turn an unfamiliar error into an "unexpected response" and lose its code.
const integer = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number),
]);
const envelopeSchema = z.object({
  error: z.object({
    message: z.string().optional(),
    type: z.string().optional(),
    code: integer.optional(),
    error_subcode: integer.optional(),
    error_user_title: z.string().optional(),
    error_user_msg: z.string().optional(),
    error_data: z.union([z.object({ details: z.string().optional() }), z.string()]).optional(),
    fbtrace_id: z.string().optional(),
    is_transient: z.boolean().optional(),
  }),
});

/** Meta prefixes messages with "(#131047) "; the rest is the title. */
const CODE_PREFIX = /^\(#\d+\)\s*/;
const MAX_SNIPPET = 200;

export interface FailedAnswer {
  operation: string;
  status: number;
  headers: Headers;
  bodyText: string;
  /** See WhatsAppApiErrorInit.codelessCategory. */
  codelessCategory?: WhatsAppErrorCategory;
}

/** Whether a parsed JSON body is Meta's error envelope (Graph has been seen pairing one with a 200). */
export function hasErrorEnvelope(body: unknown): boolean {
  return envelopeSchema.safeParse(body).success;
}

export function toApiError(answer: FailedAnswer): WhatsAppApiError {
  const retryAfterHeaderMs = parseRetryAfter(answer.headers.get("retry-after"));
  const parsed = envelopeSchema.safeParse(parseJson(answer.bodyText));
  if (!parsed.success) {
    return new WhatsAppApiError({
      operation: answer.operation,
      httpStatus: answer.status,
      code: null,
      subcode: null,
      type: null,
      message: snippet(answer.bodyText) || "empty body",
      title: null,
      details: null,
      fbtraceId: answer.headers.get("x-fb-trace-id"),
      isTransient: null,
      retryAfterHeaderMs,
      codelessCategory: answer.codelessCategory,
    });
  }
  const error = parsed.data.error;
  const message = error.message ?? "";
  const details = typeof error.error_data === "string" ? error.error_data : (error.error_data?.details ?? null);
  return new WhatsAppApiError({
    operation: answer.operation,
    httpStatus: answer.status,
    code: error.code ?? null,
    subcode: error.error_subcode ?? null,
    type: error.type ?? null,
    message,
    title: error.error_user_title ?? (message.replace(CODE_PREFIX, "") || null),
    details,
    userMessage: error.error_user_msg ?? null,
    fbtraceId: error.fbtrace_id ?? answer.headers.get("x-fb-trace-id"),
    isTransient: error.is_transient ?? null,
    retryAfterHeaderMs,
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** A short, single-line excerpt of a non-JSON body (an HTML error page), for the message. */
function snippet(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > MAX_SNIPPET ? `${flat.slice(0, MAX_SNIPPET)}…` : flat;
}

/** Retry-After as seconds or an HTTP date → ms; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
