/**
 * The one rate limiter (DESIGN.md: security is fixed at the mechanism). Every limit is declared in
 * LIMITS below and consumed with `consumeLimit(name, key)` **before** the work it guards: the count
 * is one atomic increment in Postgres (rate-limiter-flexible's Prisma store upserts with
 * `points = points + 1`, natively `INSERT … ON CONFLICT DO UPDATE`), so parallel requests are all
 * counted and none slips past the limit, and every server instance shares the count.
 *
 * Over the limit it throws `AppError("rate_limited", limit.messageKey, { params: { minutes, seconds } })`;
 * `retryAfterSeconds(error)` gives HTTP edges their `Retry-After`.
 */
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { prisma } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors";

interface LimitRule {
  /** Attempts allowed per window. */
  points: number;
  windowSeconds: number;
  /** Under `errors.`; may use {minutes} and {seconds}. */
  messageKey: string;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;

export const LIMITS = {
  /** Sign-in attempts per account (email), success or not; a success clears it. */
  "sign-in:account": { points: 5, windowSeconds: 15 * MINUTE, messageKey: "tooManySignInAttempts" },
  /** Sign-in attempts per client IP; a success gives its point back. */
  "sign-in:ip": { points: 30, windowSeconds: 15 * MINUTE, messageKey: "tooManySignInAttempts" },
  "password-reset:email": { points: 3, windowSeconds: HOUR, messageKey: "tooManyPasswordResets" },
  "password-reset:ip": { points: 20, windowSeconds: HOUR, messageKey: "tooManyPasswordResets" },
  "sign-up:ip": { points: 10, windowSeconds: HOUR, messageKey: "tooManySignUps" },
  "invitation:member": { points: 30, windowSeconds: HOUR, messageKey: "tooManyInvitations" },
  "invitation:workspace": { points: 100, windowSeconds: 24 * HOUR, messageKey: "tooManyInvitations" },
  // Inbox sends: well above a fast human agent (one message a second, all minute long), far below
  // a runaway script. Campaigns do not go through here.
  "message-send:member": { points: 60, windowSeconds: MINUTE, messageKey: "sendingTooFast" },
  "message-send:workspace": { points: 600, windowSeconds: MINUTE, messageKey: "sendingTooFast" },
  "media-upload:member": { points: 30, windowSeconds: MINUTE, messageKey: "uploadingTooFast" },
} as const satisfies Record<string, LimitRule>;

export type LimitName = keyof typeof LIMITS;

const limiters = new Map<LimitName, RateLimiterPrisma>();

function limiterFor(name: LimitName): RateLimiterPrisma {
  let limiter = limiters.get(name);
  if (!limiter) {
    const rule = LIMITS[name];
    limiter = new RateLimiterPrisma({
      storeClient: prisma,
      tableName: "rateLimiterFlexible", // the Prisma delegate's name for model RateLimiterFlexible
      keyPrefix: name,
      points: rule.points,
      duration: rule.windowSeconds,
      clearExpiredByTimeout: false, // an expired row is reset by the next consume of its key
    });
    limiters.set(name, limiter);
  }
  return limiter;
}

function limited(name: LimitName, res: RateLimiterRes): AppError {
  const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  return new AppError("rate_limited", LIMITS[name].messageKey, { params: { seconds, minutes: Math.ceil(seconds / 60) } });
}

/** Counts one attempt for `key` under the limit, or throws `rate_limited` when it is used up. */
export async function consumeLimit(name: LimitName, key: string): Promise<void> {
  try {
    await limiterFor(name).consume(key);
  } catch (error) {
    // consume() rejects with a RateLimiterRes once over the limit (the attempt is counted all the same).
    if (error instanceof RateLimiterRes) throw limited(name, error);
    throw error;
  }
}

/** Forgets `key`'s count (a successful sign-in clears its account's failures). */
export async function resetLimit(name: LimitName, key: string): Promise<void> {
  await limiterFor(name).delete(key);
}

/** Gives back one attempt (a successful sign-in does not count against its IP). */
export async function refundLimit(name: LimitName, key: string): Promise<void> {
  await limiterFor(name).reward(key, 1);
}

/** Seconds a `rate_limited` error says to wait, for `Retry-After`; null for any other error. */
export function retryAfterSeconds(error: unknown): number | null {
  if (!isAppError(error) || error.code !== "rate_limited") return null;
  const seconds = Number(error.params.seconds);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : 60;
}
