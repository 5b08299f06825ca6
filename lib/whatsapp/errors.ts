/**
 * Every way a Graph API call can fail, as typed errors that carry their own retry advice, so the
 * campaign sender and the inbox decide with `error.retryable` / `error.category` instead of
 * parsing messages. One base class; `classifyWhatsAppError()` answers for anything thrown.
 */
import {
  classifyMetaError,
  RETRY_AFTER_MS,
  type MetaErrorClassification,
  type RetryScope,
  type WhatsAppErrorCategory,
} from "./error-codes";

export { classifyMetaError, knownMetaErrorCodes, RETRY_AFTER_MS, WhatsAppErrorCategory } from "./error-codes";
export type { MetaErrorClassification, RetryScope } from "./error-codes";

export abstract class WhatsAppError extends Error implements MetaErrorClassification {
  abstract readonly category: WhatsAppErrorCategory;
  abstract readonly retryable: boolean;
  abstract readonly retryAfterMs: number | null;
  abstract readonly retryScope: RetryScope | null;
  readonly suppressContact: boolean = false;
  /**
   * True when the request may have reached Meta and succeeded even though we saw a failure
   * (a timeout or a connection cut after sending). Retrying such a *send* can deliver twice.
   */
  readonly outcomeUnknown: boolean = false;
}

export interface WhatsAppApiErrorInit {
  /** What was called, e.g. "POST /messages", for logs. */
  operation: string;
  httpStatus: number;
  code: number | null;
  subcode: number | null;
  type: string | null;
  message: string;
  title: string | null;
  details: string | null;
  /** `error.error_user_msg`: Meta's explanation for the user (template refusals say what to fix here). */
  userMessage?: string | null;
  fbtraceId: string | null;
  isTransient: boolean | null;
  /** From a Retry-After header, when the server sent one. */
  retryAfterHeaderMs?: number | null;
  /**
   * Category for a code-less permanent error the status cannot place, when the caller knows
   * better: a 404 from a media download URL is an expired or deleted media, not "unknown".
   */
  codelessCategory?: WhatsAppErrorCategory;
}

/** Meta answered with an error (its JSON envelope, or a non-JSON body with an error status). */
export class WhatsAppApiError extends WhatsAppError {
  override readonly name = "WhatsAppApiError";
  readonly operation: string;
  readonly httpStatus: number;
  /** `error.code`; null when the body was not Meta's JSON envelope. */
  readonly code: number | null;
  /** `error.error_subcode` (gone from WhatsApp errors since v16, still sent by some Graph endpoints). */
  readonly subcode: number | null;
  readonly type: string | null;
  /** Human title: `error_user_title`, else the message without its "(#code) " prefix. Display only. */
  readonly title: string | null;
  /** `error.error_data.details`: Meta's most specific explanation. */
  readonly details: string | null;
  /** `error.error_user_msg`, Meta's sentence for the user. Display only. */
  readonly userMessage: string | null;
  readonly fbtraceId: string | null;
  /** Graph's own `is_transient` hint, kept for logs; the classification keys on `code`. */
  readonly isTransient: boolean | null;
  readonly category: WhatsAppErrorCategory;
  readonly retryable: boolean;
  readonly retryAfterMs: number | null;
  readonly retryScope: RetryScope | null;
  override readonly suppressContact: boolean;

  constructor(init: WhatsAppApiErrorInit) {
    super(
      init.code === null
        ? `${init.operation}: HTTP ${init.httpStatus}: ${init.message}`
        : `${init.operation}: (#${init.code}) ${init.title ?? init.message}`,
    );
    this.operation = init.operation;
    this.httpStatus = init.httpStatus;
    this.code = init.code;
    this.subcode = init.subcode;
    this.type = init.type;
    this.title = init.title;
    this.details = init.details;
    this.userMessage = init.userMessage ?? null;
    this.fbtraceId = init.fbtraceId;
    this.isTransient = init.isTransient;
    const classification = classifyMetaError(init.code, init.httpStatus);
    this.category =
      init.code === null && classification.category === "unknown" ? (init.codelessCategory ?? "unknown") : classification.category;
    this.retryable = classification.retryable;
    this.retryScope = classification.retryScope;
    this.suppressContact = classification.suppressContact;
    // A server that says how long to wait knows better than our table, but never shortens it.
    const header = init.retryAfterHeaderMs ?? null;
    this.retryAfterMs = classification.retryable ? Math.max(classification.retryAfterMs ?? 0, header ?? 0) : null;
  }
}

export type NetworkFailure = "timeout" | "network";

/** No usable answer: the call timed out or the connection failed. Always retryable. */
export class WhatsAppNetworkError extends WhatsAppError {
  override readonly name = "WhatsAppNetworkError";
  readonly operation: string;
  readonly kind: NetworkFailure;
  readonly code = null;
  readonly httpStatus = null;
  readonly category = "service" as const;
  readonly retryable = true;
  readonly retryAfterMs = RETRY_AFTER_MS.service;
  readonly retryScope = "request" as const;
  override readonly outcomeUnknown: boolean;

  constructor(operation: string, kind: NetworkFailure, options: { outcomeUnknown: boolean; cause?: unknown; timeoutMs?: number }) {
    super(kind === "timeout" ? `${operation}: no answer within ${options.timeoutMs ?? "?"} ms` : `${operation}: network error`, {
      cause: options.cause,
    });
    this.operation = operation;
    this.kind = kind;
    this.outcomeUnknown = options.outcomeUnknown;
  }
}

export interface RequestIssue {
  /** Dotted path into the input, e.g. "interactive.action.buttons.3". */
  path: string;
  message: string;
}

/** The input was refused before anything was sent. Fix the input; never retry as is. */
export class WhatsAppRequestError extends WhatsAppError {
  override readonly name = "WhatsAppRequestError";
  readonly operation: string;
  readonly issues: RequestIssue[];
  readonly category = "parameter" as const;
  readonly retryable = false;
  readonly retryAfterMs = null;
  readonly retryScope = null;

  constructor(operation: string, issues: RequestIssue[]) {
    super(`${operation}: invalid request: ${issues.map((issue) => `${issue.path || "(root)"}: ${issue.message}`).join("; ")}`);
    this.operation = operation;
    this.issues = issues;
  }
}

/**
 * Meta answered 2xx with a body that does not match its documented shape. Not retryable: for a
 * send, the message most likely went out, which is why `outcomeUnknown` is set for writes.
 */
export class WhatsAppResponseError extends WhatsAppError {
  override readonly name = "WhatsAppResponseError";
  readonly operation: string;
  readonly httpStatus: number;
  readonly issues: RequestIssue[];
  readonly category = "unknown" as const;
  readonly retryable = false;
  readonly retryAfterMs = null;
  readonly retryScope = null;
  override readonly outcomeUnknown: boolean;

  constructor(operation: string, httpStatus: number, issues: RequestIssue[], options: { outcomeUnknown: boolean }) {
    super(`${operation}: unexpected response: ${issues.map((issue) => `${issue.path || "(root)"}: ${issue.message}`).join("; ")}`);
    this.operation = operation;
    this.httpStatus = httpStatus;
    this.issues = issues;
    this.outcomeUnknown = options.outcomeUnknown;
  }
}

/** A media file over the size we accept (upload limits, or the download guard). Nothing more was read. */
export class WhatsAppMediaTooLargeError extends WhatsAppError {
  override readonly name = "WhatsAppMediaTooLargeError";
  readonly limitBytes: number;
  /** The size when known up front (Content-Length, Blob size); null when the stream overran. */
  readonly actualBytes: number | null;
  readonly category = "media" as const;
  readonly retryable = false;
  readonly retryAfterMs = null;
  readonly retryScope = null;

  constructor(limitBytes: number, actualBytes: number | null) {
    super(`media larger than ${limitBytes} bytes${actualBytes === null ? "" : ` (${actualBytes} bytes)`}`);
    this.limitBytes = limitBytes;
    this.actualBytes = actualBytes;
  }
}

export function isWhatsAppError(error: unknown): error is WhatsAppError {
  return error instanceof WhatsAppError;
}

/**
 * Retry advice for anything a client call threw. A non-WhatsApp error is a bug on our side:
 * permanent, so a campaign records it instead of looping on it.
 */
export function classifyWhatsAppError(error: unknown): MetaErrorClassification & { outcomeUnknown: boolean } {
  if (error instanceof WhatsAppError) {
    return {
      category: error.category,
      retryable: error.retryable,
      retryAfterMs: error.retryAfterMs,
      retryScope: error.retryScope,
      suppressContact: error.suppressContact,
      outcomeUnknown: error.outcomeUnknown,
    };
  }
  return { category: "unknown", retryable: false, retryAfterMs: null, retryScope: null, suppressContact: false, outcomeUnknown: false };
}
