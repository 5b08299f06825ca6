/**
 * Per-IP limits at the edge (sign-up, password reset), through the real server actions: the IP is the
 * one the trusted-proxy rule gives (lib/auth/client-ip.ts), so a forged leftmost X-Forwarded-For
 * neither escapes a limit nor spends someone else's.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import * as email from "@/lib/email/send";
import { LIMITS, consumeLimit, type LimitName } from "@/lib/rate-limit";
import { uniqueEmail, uniqueSuffix } from "@/test/fixtures/tenants";

const request = vi.hoisted(() => ({ forwardedFor: "" }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": request.forwardedFor }),
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
}));

const auth = await import("@/app/actions/auth");

afterEach(() => vi.restoreAllMocks());

/** A documentation-range address no other test uses. */
function freshIp(): string {
  const n = Number.parseInt(uniqueSuffix().slice(-4), 16);
  return `198.51.${(n >> 8) & 255}.${n & 255}`;
}

async function exhaust(name: LimitName, key: string) {
  for (let i = 0; i < LIMITS[name].points; i++) await consumeLimit(name, key);
}

describe("per-IP limits in the actions", () => {
  it("sign-up: refused from a used-up IP, with nothing created; a forged leftmost entry does not help", async () => {
    const ip = freshIp();
    await exhaust("sign-up:ip", ip);
    const address = uniqueEmail("newcomer");
    request.forwardedFor = `203.0.113.${Math.floor(Math.random() * 200)}, ${ip}`; // the client's forgery, then the real address
    const result = await auth.signUpAction({ name: "New Comer", email: address, password: "a long password" });
    expect(result?.serverError).toMatchObject({ code: "rate_limited", messageKey: "tooManySignUps" });
    expect(await prisma.user.count({ where: { email: address } })).toBe(0);
  });

  it("password reset: refused from a used-up IP without a word about the address", async () => {
    const sent = vi.spyOn(email, "sendEmail").mockResolvedValue();
    const ip = freshIp();
    await exhaust("password-reset:ip", ip);
    request.forwardedFor = ip;
    const result = await auth.requestPasswordResetAction({ email: uniqueEmail("anyone") });
    expect(result?.serverError).toMatchObject({ code: "rate_limited", messageKey: "tooManyPasswordResets" });
    expect(sent).not.toHaveBeenCalled();
    // Another IP is not affected.
    request.forwardedFor = freshIp();
    expect((await auth.requestPasswordResetAction({ email: uniqueEmail("anyone") }))?.data).toEqual({ sent: true });
  });
});
