/**
 * Sign-in throttling per account and per IP, on the one limiter (lib/rate-limit). Every attempt is
 * counted before the password is checked, so parallel guesses cannot outrun the count; a success
 * clears the account's count and gives its IP point back.
 */
import { LIMITS, consumeLimit, refundLimit, resetLimit } from "@/lib/rate-limit";

export const MAX_FAILURES_PER_ACCOUNT = LIMITS["sign-in:account"].points;
export const MAX_FAILURES_PER_IP = LIMITS["sign-in:ip"].points;

/** Throws `rate_limited` (with the minutes to wait) when the account or the IP has no attempt left. */
export async function consumeSignInAttempt(email: string, ip: string | null): Promise<void> {
  await consumeLimit("sign-in:account", email);
  if (ip) await consumeLimit("sign-in:ip", ip);
}

export async function recordSignInSuccess(email: string, ip: string | null): Promise<void> {
  await Promise.all([resetLimit("sign-in:account", email), ip ? refundLimit("sign-in:ip", ip) : null]);
}
