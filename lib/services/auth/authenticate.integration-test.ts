import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP } from "@/lib/auth/throttle";
import { uniqueEmail, uniqueSuffix } from "@/test/fixtures/tenants";
import { authenticate } from "./authenticate";
import { signUp } from "./sign-up";

const PASSWORD = "the right password";

async function account() {
  const email = uniqueEmail("auth");
  const user = await signUp({ name: "Auth Tester", email, password: PASSWORD });
  return { ...user, email };
}

/** A fresh IP per test, so tests sharing this file's database do not share an IP counter. */
function ip(): string {
  const n = Number.parseInt(uniqueSuffix().slice(-6), 16);
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

const fail = (email: string, from: string | null, password = "wrong password") =>
  authenticate({ email, password, ip: from }).then(
    () => {
      throw new Error("expected the sign-in to fail");
    },
    (error: unknown) => error,
  );

describe("authenticate", () => {
  it("accepts the right password", async () => {
    const user = await account();
    await expect(authenticate({ email: user.email, password: PASSWORD, ip: ip() })).resolves.toEqual({
      id: user.id,
      email: user.email,
      name: "Auth Tester",
    });
  });

  it("answers a wrong password and an unknown email identically", async () => {
    const user = await account();
    const wrongPassword = await fail(user.email, ip());
    const unknownEmail = await fail(uniqueEmail("nobody"), ip(), PASSWORD);
    for (const error of [wrongPassword, unknownEmail]) {
      expect(error).toMatchObject({ code: "unauthorized", messageKey: "invalidCredentials", params: {}, field: undefined });
    }
    expect((wrongPassword as Error).message).toBe((unknownEmail as Error).message);
  });

  it("refuses an account without a password (provider-only) like any wrong password", async () => {
    const email = uniqueEmail("oauth");
    await prisma.user.create({ data: { email, passwordHash: null } });
    expect(await fail(email, ip(), "")).toMatchObject({ code: "unauthorized", messageKey: "invalidCredentials" });
  });

  it(`locks an account after ${MAX_FAILURES_PER_ACCOUNT} failures, even for the right password, from any IP`, async () => {
    const user = await account();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      expect(await fail(user.email, ip())).toMatchObject({ messageKey: "invalidCredentials" });
    }
    const locked = await fail(user.email, ip(), PASSWORD);
    expect(locked).toMatchObject({ code: "rate_limited", messageKey: "tooManySignInAttempts", status: 429 });
    const minutes = (locked as { params: { minutes: number } }).params.minutes;
    expect(minutes).toBeGreaterThanOrEqual(14);
    expect(minutes).toBeLessThanOrEqual(15);

    // Another account is unaffected.
    const other = await account();
    await expect(authenticate({ email: other.email, password: PASSWORD, ip: ip() })).resolves.toMatchObject({ id: other.id });
  });

  it("counts unknown emails too, so probing an address cannot go on forever", async () => {
    const email = uniqueEmail("ghost");
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await fail(email, null);
    expect(await fail(email, null)).toMatchObject({ code: "rate_limited" });
  });

  it("counts concurrent failures: a burst cannot slip past the lock", async () => {
    const user = await account();
    const burst = await Promise.all(Array.from({ length: MAX_FAILURES_PER_ACCOUNT * 2 }, () => fail(user.email, ip())));
    for (const error of burst) expect(["invalidCredentials", "tooManySignInAttempts"]).toContain((error as { messageKey: string }).messageKey);
    expect(await fail(user.email, ip(), PASSWORD)).toMatchObject({ code: "rate_limited" });
  });

  it("checks at most the limit's worth of passwords when guesses arrive in parallel", async () => {
    const user = await account();
    const burst = await Promise.all(Array.from({ length: 20 }, () => fail(user.email, ip())));
    const checked = burst.filter((error) => (error as { messageKey: string }).messageKey === "invalidCredentials");
    const refused = burst.filter((error) => (error as { messageKey: string }).messageKey === "tooManySignInAttempts");
    // Counted before the check, atomically: exactly the limit's worth were checked, however they raced.
    expect(checked).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
    expect(refused).toHaveLength(20 - MAX_FAILURES_PER_ACCOUNT);
  });

  it(`locks an IP after ${MAX_FAILURES_PER_IP} failures across different emails, and only that IP`, async () => {
    const from = ip();
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) {
      expect(await fail(uniqueEmail(`spray${i}`), from)).toMatchObject({ messageKey: "invalidCredentials" });
    }
    const user = await account();
    expect(await fail(user.email, from, PASSWORD)).toMatchObject({ code: "rate_limited", messageKey: "tooManySignInAttempts" });
    await expect(authenticate({ email: user.email, password: PASSWORD, ip: ip() })).resolves.toMatchObject({ id: user.id });
  });

  it("clears the account's count on success: 4 failures, a success, then 4 more failures are still allowed", async () => {
    const user = await account();
    const from = ip();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) await fail(user.email, from);
    await expect(authenticate({ email: user.email, password: PASSWORD, ip: from })).resolves.toMatchObject({ id: user.id });
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) {
      expect(await fail(user.email, from)).toMatchObject({ messageKey: "invalidCredentials" });
    }
    await expect(authenticate({ email: user.email, password: PASSWORD, ip: from })).resolves.toMatchObject({ id: user.id });

    // Without the success in between, the same count locks.
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await fail(user.email, from);
    expect(await fail(user.email, from, PASSWORD)).toMatchObject({ code: "rate_limited" });
  });
});
