/**
 * What one send's failure means for its recipient and its campaign, by Meta's code (META.md):
 * throughput and call limits back the whole number off and queue the recipient again; the pair
 * rate limit delays only that recipient; Meta-side trouble retries with a growing wait up to
 * MAX_ATTEMPTS; a paused or disabled template, or a broken token, pauses the campaign; an answer
 * that may hide an accepted send (a timeout after the request left) is left to reconciliation;
 * everything else fails the recipient with Meta's code and text.
 */
import { WhatsAppApiError, WhatsAppError } from "@/lib/whatsapp/errors";

export const MAX_ATTEMPTS = 5;

export type SendFailure =
  | { kind: "requeue"; notBefore: Date | null; refund: boolean; backOffNumberUntil?: Date }
  | { kind: "fail"; code: number | null; error: string; retryable: boolean; suppress: boolean; optOut: boolean }
  | { kind: "pause"; code: number | string; message: string }
  | { kind: "unknown" };

const META_UNDELIVERABLE = 131026;
const META_MARKETING_STOPPED = 131050;
const META_MARKETING_CAP = 131049;

function text(error: WhatsAppApiError): string {
  return [error.title, error.details].filter(Boolean).join(": ") || error.message;
}

export function classifySendFailure(error: unknown, attempts: number, now = Date.now()): SendFailure {
  if (!(error instanceof WhatsAppError)) return { kind: "unknown" };
  if (error.outcomeUnknown) return { kind: "unknown" };
  const wait = Math.max(error.retryAfterMs ?? 1_000, 500);
  switch (error.category) {
    case "throughput":
    case "rate_limit":
      return { kind: "requeue", notBefore: null, refund: true, backOffNumberUntil: new Date(now + wait) };
    case "pair_rate_limit":
      return { kind: "requeue", notBefore: new Date(now + wait), refund: true };
    case "auth":
      return { kind: "pause", code: error instanceof WhatsAppApiError ? (error.code ?? "auth") : "auth", message: error.message };
    case "service":
      if (attempts >= MAX_ATTEMPTS)
        return { kind: "fail", code: error instanceof WhatsAppApiError ? error.code : null, error: error instanceof WhatsAppApiError ? text(error) : error.message, retryable: true, suppress: false, optOut: false };
      // 1 s, 2 s, 4 s, 8 s: Meta-side trouble is usually brief, and the campaign waits on its slowest recipient.
      return { kind: "requeue", notBefore: new Date(now + Math.min(1_000 * 2 ** (attempts - 1), 30_000)), refund: false };
    default:
      break;
  }
  if (error instanceof WhatsAppApiError) {
    if (error.code === 132015 || error.code === 132016) return { kind: "pause", code: error.code, message: text(error) };
    return {
      kind: "fail",
      code: error.code,
      error: text(error),
      retryable: error.code === META_MARKETING_CAP,
      suppress: error.code === META_UNDELIVERABLE,
      optOut: error.code === META_MARKETING_STOPPED,
    };
  }
  return { kind: "fail", code: null, error: error.message, retryable: false, suppress: false, optOut: false };
}
