/**
 * One error type for the domain (documenso's AppError, STYLE.md). Services throw these; the edges
 * map `code` to an HTTP status or a form error, and `messageKey` to a translated sentence from the
 * `errors` namespace of the message catalog. Anything else reaching an edge is a bug: it is logged
 * and the user sees "something went wrong", never the internal message.
 */
export const ERROR_STATUS = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
} as const;

export type AppErrorCode = keyof typeof ERROR_STATUS;
export type MessageParams = Record<string, string | number>;

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Key under `errors.` in messages/<locale>.json. */
  readonly messageKey: string;
  readonly params: MessageParams;
  /** Field the error belongs to, for forms. */
  readonly field?: string;

  constructor(code: AppErrorCode, messageKey: string, options: { params?: MessageParams; field?: string; cause?: unknown } = {}) {
    super(`${code}: ${messageKey}`, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.messageKey = messageKey;
    this.params = options.params ?? {};
    this.field = options.field;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const NotFound = (messageKey = "notFound") => new AppError("not_found", messageKey);
export const Forbidden = (messageKey = "forbidden") => new AppError("forbidden", messageKey);
export const Conflict = (messageKey: string, options?: { params?: MessageParams; field?: string }) =>
  new AppError("conflict", messageKey, options);
export const Invalid = (messageKey: string, options?: { params?: MessageParams; field?: string }) =>
  new AppError("invalid", messageKey, options);

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
