import { describe, expect, it } from "vitest";
import { toApiError } from "./error-envelope";
import {
  classifyMetaError,
  classifyWhatsAppError,
  knownMetaErrorCodes,
  RETRY_AFTER_MS,
  WhatsAppApiError,
  WhatsAppErrorCategory,
  WhatsAppNetworkError,
  WhatsAppRequestError,
  type MetaErrorClassification,
} from "./errors";

type Expected = Pick<MetaErrorClassification, "category" | "retryable"> & Partial<MetaErrorClassification>;

/** META.md's table, row by row: code → what the caller must do. */
const META_TABLE: Array<[codes: number[], expected: Expected]> = [
  [[0, 190], { category: "auth", retryable: false }],
  [[4, 80007], { category: "rate_limit", retryable: true, retryScope: "account" }],
  [[2, 131000, 131016, 131057], { category: "service", retryable: true, retryScope: "request" }],
  [[10, 200, 250, 299, 131005], { category: "auth", retryable: false }],
  [[100, 131008, 131009, 131021], { category: "parameter", retryable: false }],
  [[130429], { category: "throughput", retryable: true, retryScope: "phone_number", retryAfterMs: RETRY_AFTER_MS.throughput }],
  [[131056], { category: "pair_rate_limit", retryable: true, retryScope: "recipient", retryAfterMs: 6_000 }],
  [[131048], { category: "rate_limit", retryable: true, retryScope: "phone_number", retryAfterMs: RETRY_AFTER_MS.spamRateLimit }],
  [[368, 131031, 130497], { category: "policy", retryable: false }],
  [[132000, 132001, 132005, 132007, 132012], { category: "template", retryable: false }],
  [[132015, 132016], { category: "template", retryable: false }],
  [[133010], { category: "auth", retryable: false }],
  [[131047], { category: "window", retryable: false }],
  [[131026], { category: "recipient", retryable: false, suppressContact: false }],
  [[131049], { category: "recipient", retryable: false, suppressContact: false }],
  [[131050], { category: "recipient", retryable: false, suppressContact: true }],
  [[131053], { category: "media", retryable: false }],
  [[131051], { category: "parameter", retryable: false }],
];

describe("classifyMetaError", () => {
  for (const [codes, expected] of META_TABLE) {
    for (const code of codes) {
      it(`classifies ${code} as ${expected.category}${expected.retryable ? " (retryable)" : " (permanent)"}`, () => {
        expect(classifyMetaError(code)).toMatchObject(expected);
      });
    }
  }

  it("keys on the code, never on the HTTP status", () => {
    // 131056 is seen as 400 and as 429 from different mirrors; 130429 too.
    for (const status of [400, 429, 500, undefined]) {
      expect(classifyMetaError(131056, status).category).toBe("pair_rate_limit");
      expect(classifyMetaError(130429, status).category).toBe("throughput");
      // A permanent code stays permanent even behind a 5xx.
      expect(classifyMetaError(131047, status).retryable).toBe(false);
      expect(classifyMetaError(132001, status).retryable).toBe(false);
    }
    // And a retryable code stays retryable behind a 400.
    expect(classifyMetaError(131000, 400).retryable).toBe(true);
  });

  it("gives a retry hint only to retryable errors, and suppression only for 131050", () => {
    for (const code of knownMetaErrorCodes()) {
      const result = classifyMetaError(code);
      expect(result.retryAfterMs === null, `${code}`).toBe(!result.retryable);
      expect(result.retryScope === null, `${code}`).toBe(!result.retryable);
      expect(result.suppressContact, `${code}`).toBe(code === 131050);
    }
  });

  it("treats every 132xxx as a template error and every 2xx code as a permission error", () => {
    expect(classifyMetaError(132068)).toMatchObject({ category: "template", retryable: false });
    expect(classifyMetaError(132999)).toMatchObject({ category: "template", retryable: false });
    expect(classifyMetaError(201)).toMatchObject({ category: "auth", retryable: false });
  });

  it("falls back on the HTTP status only for codes it does not know", () => {
    expect(classifyMetaError(999_999, 503)).toMatchObject({ category: "service", retryable: true });
    expect(classifyMetaError(999_999, 429)).toMatchObject({ category: "rate_limit", retryable: true });
    expect(classifyMetaError(999_999, 400)).toMatchObject({ category: "unknown", retryable: false });
    expect(classifyMetaError(null, 502)).toMatchObject({ category: "service", retryable: true });
    expect(classifyMetaError(null, 408)).toMatchObject({ category: "service", retryable: true });
    expect(classifyMetaError(null, 401)).toMatchObject({ category: "auth", retryable: false });
    expect(classifyMetaError(null, 404)).toMatchObject({ category: "unknown", retryable: false });
    expect(classifyMetaError(null)).toMatchObject({ category: "unknown", retryable: false });
  });

  it("returns a fresh object each time (callers may not corrupt the table)", () => {
    const first = classifyMetaError(131056);
    (first as { retryAfterMs: number | null }).retryAfterMs = 1;
    expect(classifyMetaError(131056).retryAfterMs).toBe(6_000);
  });

  it("only ever answers with a declared category", () => {
    const categories = new Set<string>(Object.values(WhatsAppErrorCategory));
    for (const code of [...knownMetaErrorCodes(), 1234, 132500, 250]) expect(categories.has(classifyMetaError(code).category)).toBe(true);
  });
});

describe("toApiError", () => {
  const headers = (init: Record<string, string> = {}) => new Headers(init);

  it("reads Meta's envelope: code, details, fbtrace id, title without the (#code) prefix", () => {
    const error = toApiError({
      operation: "POST /messages (text)",
      status: 400,
      headers: headers(),
      bodyText: JSON.stringify({
        error: {
          message: "(#131047) Re-engagement message",
          type: "OAuthException",
          code: 131047,
          error_data: { messaging_product: "whatsapp", details: "Message failed to send because more than 24 hours have passed" },
          fbtrace_id: "AbCdEf",
        },
      }),
    });
    expect(error).toBeInstanceOf(WhatsAppApiError);
    expect(error).toMatchObject({
      httpStatus: 400,
      code: 131047,
      subcode: null,
      type: "OAuthException",
      title: "Re-engagement message",
      details: "Message failed to send because more than 24 hours have passed",
      fbtraceId: "AbCdEf",
      category: "window",
      retryable: false,
    });
    expect(error.message).toContain("131047");
  });

  it("keeps error_subcode, is_transient and error_user_title when Graph sends them", () => {
    const error = toApiError({
      operation: "POST /message_templates",
      status: 400,
      headers: headers(),
      bodyText: JSON.stringify({
        error: {
          message: "Invalid parameter",
          type: "OAuthException",
          code: 100,
          error_subcode: 2388024,
          is_transient: false,
          error_user_title: "Content in this language already exists",
          fbtrace_id: "x",
        },
      }),
    });
    expect(error).toMatchObject({
      code: 100,
      subcode: 2388024,
      isTransient: false,
      title: "Content in this language already exists",
      category: "parameter",
    });
  });

  it("turns a non-JSON body into a code-less error classified by status", () => {
    const error = toApiError({ operation: "GET /x", status: 502, headers: headers(), bodyText: "<html><body>Bad Gateway</body></html>" });
    expect(error).toMatchObject({ code: null, httpStatus: 502, category: "service", retryable: true, details: null });
    expect(error.message).toContain("Bad Gateway");
    const empty = toApiError({ operation: "GET /x", status: 403, headers: headers(), bodyText: "" });
    expect(empty).toMatchObject({ code: null, category: "unknown", retryable: false });
  });

  it("accepts a numeric string code and a JSON body without Meta's envelope", () => {
    expect(
      toApiError({ operation: "x", status: 400, headers: headers(), bodyText: '{"error":{"code":"131056","message":"pair"}}' }).code,
    ).toBe(131056);
    expect(toApiError({ operation: "x", status: 500, headers: headers(), bodyText: '{"message":"oops"}' })).toMatchObject({
      code: null,
      retryable: true,
    });
  });

  it("lets a Retry-After header lengthen the wait, never shorten it", () => {
    const body = JSON.stringify({ error: { message: "(#130429) Rate limit hit", code: 130429, type: "OAuthException" } });
    expect(toApiError({ operation: "x", status: 429, headers: headers({ "retry-after": "5" }), bodyText: body }).retryAfterMs).toBe(5_000);
    expect(toApiError({ operation: "x", status: 429, headers: headers({ "retry-after": "0" }), bodyText: body }).retryAfterMs).toBe(
      RETRY_AFTER_MS.throughput,
    );
  });
});

describe("classifyWhatsAppError", () => {
  it("answers for every error the client throws, and treats anything else as a permanent bug", () => {
    expect(classifyWhatsAppError(new WhatsAppNetworkError("POST /messages", "timeout", { outcomeUnknown: true }))).toMatchObject({
      category: "service",
      retryable: true,
      outcomeUnknown: true,
    });
    expect(classifyWhatsAppError(new WhatsAppRequestError("send text", [{ path: "to", message: "bad" }]))).toMatchObject({
      category: "parameter",
      retryable: false,
    });
    expect(classifyWhatsAppError(new TypeError("bug"))).toMatchObject({ category: "unknown", retryable: false, outcomeUnknown: false });
  });
});
