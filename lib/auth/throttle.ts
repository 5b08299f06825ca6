/**
 * Sign-in throttling per account and per IP, counted in Postgres (rate-limiter-flexible's Prisma
 * store) so every server instance shares the count. Only failures count; a success clears the
 * account's count.
 */
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";

const WINDOW_SECONDS = 15 * 60;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 30;

let limiters: { account: RateLimiterPrisma; ip: RateLimiterPrisma } | undefined;

function getLimiters() {
  limiters ??= {
    account: new RateLimiterPrisma({
      storeClient: prisma,
      tableName: "rateLimiterFlexible", // the Prisma delegate's name for model RateLimiterFlexible
      keyPrefix: "signin_account",
      points: MAX_FAILURES_PER_ACCOUNT,
      duration: WINDOW_SECONDS,
      clearExpiredByTimeout: false,
    }),
    ip: new RateLimiterPrisma({
      storeClient: prisma,
      tableName: "rateLimiterFlexible",
      keyPrefix: "signin_ip",
      points: MAX_FAILURES_PER_IP,
      duration: WINDOW_SECONDS,
      clearExpiredByTimeout: false,
    }),
  };
  return limiters;
}

function tooMany(res: RateLimiterRes | null, points: number): number | null {
  if (!res || res.consumedPoints < points) return null;
  return Math.max(1, Math.ceil(res.msBeforeNext / 60_000));
}

/** Throws `rate_limited` (with the minutes to wait) when the account or the IP is locked out. */
export async function assertSignInAllowed(email: string, ip: string | null): Promise<void> {
  const { account, ip: ipLimiter } = getLimiters();
  const [byAccount, byIp] = await Promise.all([account.get(email), ip ? ipLimiter.get(ip) : Promise.resolve(null)]);
  const minutes = tooMany(byAccount, MAX_FAILURES_PER_ACCOUNT) ?? tooMany(byIp, MAX_FAILURES_PER_IP);
  if (minutes !== null) throw new AppError("rate_limited", "tooManySignInAttempts", { params: { minutes } });
}

export async function recordSignInFailure(email: string, ip: string | null): Promise<void> {
  const { account, ip: ipLimiter } = getLimiters();
  // consume() rejects with a RateLimiterRes once over the limit; the count is recorded either way.
  const swallow = (r: unknown) => {
    if (!(r instanceof RateLimiterRes)) throw r;
  };
  await Promise.all([account.consume(email).catch(swallow), ip ? ipLimiter.consume(ip).catch(swallow) : null]);
}

export async function clearSignInFailures(email: string): Promise<void> {
  await getLimiters().account.delete(email);
}
