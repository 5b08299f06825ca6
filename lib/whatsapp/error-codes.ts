/**
 * What a Meta error code means for the caller: retry or not, how soon, and how widely.
 *
 * Meta asks integrators to key error handling on `code` (and `details`), never on the HTTP
 * status (mirrors disagree: 131056 is seen as 400 and as 429) nor on the title text, which is
 * being deprecated (META.md; developers.facebook.com/documentation/business-messaging/whatsapp/
 * support/error-codes). So the table below decides whenever it knows the code; the HTTP status is
 * only consulted for codes it does not know, or for bodies that carried no code at all.
 *
 * Pure and dependency-free so the campaign sender, the inbox and the webhook status handler
 * (which sees the same codes asynchronously, in `statuses[].errors[]`) can all share it.
 */

export const WhatsAppErrorCategory = {
  /** Token invalid or expired, permission missing, number not registered: fix the connection. */
  auth: "auth",
  /** App (4), WABA (80007) or spam (131048) rate limit: slow the whole number or app down. */
  rate_limit: "rate_limit",
  /** 131056: too many messages to the same recipient; other recipients can go at once. */
  pair_rate_limit: "pair_rate_limit",
  /** 130429: the phone number's messages-per-second cap. */
  throughput: "throughput",
  /** Meta-side trouble (2, 131000, 131016, 131057, 5xx), timeouts, network errors. */
  service: "service",
  /** This recipient cannot get this message (131026, 131049, 131050). */
  recipient: "recipient",
  /** 131047: outside the 24-hour customer-service window; send a template instead. */
  window: "window",
  /** The template is missing, paused, disabled, or its parameters do not fit (132xxx). */
  template: "template",
  /** The request itself is wrong (100, 131008, 131009, 131021, …): fix the input. */
  parameter: "parameter",
  /** Blocked for policy, account locked, country restricted, payment problem. */
  policy: "policy",
  /** Media could not be uploaded or fetched (131052, 131053). */
  media: "media",
  unknown: "unknown",
} as const;
export type WhatsAppErrorCategory = (typeof WhatsAppErrorCategory)[keyof typeof WhatsAppErrorCategory];

/**
 * Who has to wait when an error is retryable: only this recipient (pair rate limit), every send
 * from this phone number (throughput, spam limit), every call of the app or WABA (4, 80007), or
 * just this one request (service errors).
 */
export type RetryScope = "request" | "recipient" | "phone_number" | "account";

export interface MetaErrorClassification {
  category: WhatsAppErrorCategory;
  retryable: boolean;
  /** Suggested wait before retrying (ms); null when the error is permanent. A hint, not a promise. */
  retryAfterMs: number | null;
  retryScope: RetryScope | null;
  /** 131050: the user stopped marketing messages from this business; never message them again (for marketing). */
  suppressContact: boolean;
}

/** Suggested waits. Meta publishes no exact figures except the pair rate (~1 message / 6 s). */
export const RETRY_AFTER_MS = {
  /** Throughput cap: the per-second window resets quickly. */
  throughput: 1_000,
  /** Pair rate: about one message every 6 s to the same user (META.md). */
  pairRate: 6_000,
  /** App / WABA call limits: Graph's usage windows are an hour wide; check again in a minute. */
  accountRateLimit: 60_000,
  /** Spam rate limit (quality): only much later; pause the number, not one recipient. */
  spamRateLimit: 60 * 60_000,
  /** Meta-side errors: a first backoff step; the caller grows it. */
  service: 2_000,
} as const;

function permanent(category: WhatsAppErrorCategory, suppressContact = false): MetaErrorClassification {
  return { category, retryable: false, retryAfterMs: null, retryScope: null, suppressContact };
}

function retryable(category: WhatsAppErrorCategory, retryAfterMs: number, retryScope: RetryScope): MetaErrorClassification {
  return { category, retryable: true, retryAfterMs, retryScope, suppressContact: false };
}

/**
 * Codes with a fixed meaning. Sources: META.md's table, Meta's error-code reference and, for 1,
 * 104, 613, 803, 2500 and 133004, Meta's OpenAPI description / Graph API error handling guide.
 */
const BY_CODE: ReadonlyMap<number, MetaErrorClassification> = new Map<number, MetaErrorClassification>([
  // Authorization: the token is missing, invalid or expired.
  [0, permanent("auth")],
  [104, permanent("auth")],
  [190, permanent("auth")],
  // Permissions (200–299 handled as a range below) and a number not registered with Cloud API:
  // all "fix the connection", so they share the auth category.
  [3, permanent("auth")],
  [10, permanent("auth")],
  [131005, permanent("auth")],
  [133010, permanent("auth")],

  // Call-rate limits of the app (4, 613) and of the WABA (80007).
  [4, retryable("rate_limit", RETRY_AFTER_MS.accountRateLimit, "account")],
  [613, retryable("rate_limit", RETRY_AFTER_MS.accountRateLimit, "account")],
  [80007, retryable("rate_limit", RETRY_AFTER_MS.accountRateLimit, "account")],
  // Spam rate limit: the number's quality is low; only much later.
  [131048, retryable("rate_limit", RETRY_AFTER_MS.spamRateLimit, "phone_number")],
  [130429, retryable("throughput", RETRY_AFTER_MS.throughput, "phone_number")],
  [131056, retryable("pair_rate_limit", RETRY_AFTER_MS.pairRate, "recipient")],

  // Meta-side: unknown/possible server error, service error, temporarily unavailable, maintenance.
  [1, retryable("service", RETRY_AFTER_MS.service, "request")],
  [2, retryable("service", RETRY_AFTER_MS.service, "request")],
  [131000, retryable("service", RETRY_AFTER_MS.service, "request")],
  [131016, retryable("service", RETRY_AFTER_MS.service, "request")],
  [131057, retryable("service", RETRY_AFTER_MS.service, "request")],
  [133004, retryable("service", RETRY_AFTER_MS.service, "request")],

  // Bad input: invalid or missing parameter, recipient = sender, unsupported message type, and
  // Graph's own "no such object" (803) and "unknown path components" (2500).
  [33, permanent("parameter")],
  [100, permanent("parameter")],
  [803, permanent("parameter")],
  [2500, permanent("parameter")],
  [131008, permanent("parameter")],
  [131009, permanent("parameter")],
  [131021, permanent("parameter")],
  [131051, permanent("parameter")],
  [135000, permanent("parameter")],

  // Policy: temporarily blocked, account locked, country restricted, payment/eligibility issue.
  [368, permanent("policy")],
  [130497, permanent("policy")],
  [131031, permanent("policy")],
  [131042, permanent("policy")],

  // Asynchronous per-message failures (also seen in `statuses[].errors[]`).
  [131047, permanent("window")],
  [131026, permanent("recipient")],
  // Meta's per-user marketing cap: not soon, and utility/authentication templates are unaffected.
  [131049, permanent("recipient")],
  [131050, permanent("recipient", true)],

  // Media could not be downloaded (131052) or uploaded/fetched (131053, e.g. a webp image).
  [131052, permanent("media")],
  [131053, permanent("media")],
]);

/**
 * Classifies a Meta error. `code` is `error.code` from the body (null when the body carried
 * none, e.g. an HTML 502 from a proxy); `httpStatus` only breaks ties for unknown codes.
 */
export function classifyMetaError(code: number | null, httpStatus?: number): MetaErrorClassification {
  if (code !== null) {
    const known = BY_CODE.get(code);
    if (known) return { ...known };
    if (code >= 200 && code <= 299) return permanent("auth");
    // Every 132xxx is about the template: param count, missing, too long, format, paused, disabled, flows.
    if (code >= 132000 && code <= 132999) return permanent("template");
  }
  return classifyByHttpStatus(httpStatus);
}

function classifyByHttpStatus(httpStatus: number | undefined): MetaErrorClassification {
  if (httpStatus === undefined) return permanent("unknown");
  // 408 (a proxy's request timeout) and 5xx say nothing about the request's validity: try again.
  if (httpStatus >= 500 || httpStatus === 408) return retryable("service", RETRY_AFTER_MS.service, "request");
  if (httpStatus === 429) return retryable("rate_limit", RETRY_AFTER_MS.accountRateLimit, "account");
  if (httpStatus === 401) return permanent("auth");
  return permanent("unknown");
}

/** Every code the table knows by value (ranges excluded), for tests and documentation. */
export function knownMetaErrorCodes(): number[] {
  return [...BY_CODE.keys()].sort((a, b) => a - b);
}
