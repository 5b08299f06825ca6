import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { prisma } from "@/lib/db";
import * as email from "@/lib/email/send";
import { sha256, signToken } from "@/lib/auth/tokens";
import idMessages from "@/messages/id.json";
import { uniqueEmail } from "@/test/fixtures/tenants";
import { authenticate } from "./authenticate";
import { isResetTokenValid, requestPasswordReset, resetPassword, RESET_TTL_SECONDS } from "./password-reset";
import { signUp } from "./sign-up";

let sent: MockInstance<typeof email.sendEmail>;

beforeEach(() => {
  // The mail server is the boundary: capture what would go out.
  sent = vi.spyOn(email, "sendEmail").mockResolvedValue();
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

async function account(locale?: string) {
  const address = uniqueEmail("reset");
  const user = await signUp({ name: "Reset Tester", email: address, password: "old password", locale });
  return { ...user, email: address };
}

/** Asks for a reset link for `address` and returns the token from the email. */
async function requestToken(address: string, locale = "en"): Promise<string> {
  sent.mockClear();
  await requestPasswordReset({ email: address, locale });
  expect(sent).toHaveBeenCalledTimes(1);
  const mail = sent.mock.calls[0]?.[0];
  const link = /https:\/\/parley\.test\/reset-password\?token=(\S+)/.exec(mail?.text ?? "");
  expect(link, mail?.text).not.toBeNull();
  return decodeURIComponent(link?.[1] ?? "");
}

const signsIn = (address: string, password: string) =>
  authenticate({ email: address, password, ip: null }).then(
    () => true,
    () => false,
  );

describe("requestPasswordReset", () => {
  it("sends nothing for an unknown email, and does not say so", async () => {
    await expect(requestPasswordReset({ email: uniqueEmail("nobody"), locale: "en" })).resolves.toBeUndefined();
    expect(sent).not.toHaveBeenCalled();
  });

  it("mails the account's address a link, in the user's saved language", async () => {
    const user = await account("id");
    await requestToken(user.email, "en");
    const mail = sent.mock.calls[0]?.[0];
    expect(mail?.to).toBe(user.email);
    expect(mail?.subject).toBe(idMessages.email.passwordReset.subject);
    expect(mail?.text).toContain(String(RESET_TTL_SECONDS / 60));
  });

  it("puts no password material in the link", async () => {
    const user = await account();
    const token = await requestToken(user.email);
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    const payload = Buffer.from(token.split(".")[0] ?? "", "base64url").toString();
    expect(payload).not.toContain(row.passwordHash ?? "<none>");
    expect(payload).not.toContain("old password");
  });
});

describe("resetPassword", () => {
  it("sets the new password: it signs in, the old one does not, and passwordChangedAt is set", async () => {
    const user = await account();
    const token = await requestToken(user.email);
    expect(await isResetTokenValid(token)).toBe(true);

    const before = Date.now();
    await expect(resetPassword({ token, password: "brand new password" })).resolves.toEqual({ email: user.email });

    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordChangedAt?.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(await signsIn(user.email, "brand new password")).toBe(true);
    expect(await signsIn(user.email, "old password")).toBe(false);
  });

  it("works once: the same link a second time is gone", async () => {
    const user = await account();
    const token = await requestToken(user.email);
    await resetPassword({ token, password: "first new password" });

    expect(await isResetTokenValid(token)).toBe(false);
    await expect(resetPassword({ token, password: "second new password" })).rejects.toMatchObject({
      code: "gone",
      messageKey: "resetLinkInvalid",
    });
    expect(await signsIn(user.email, "first new password")).toBe(true);
  });

  it("lets only one of two concurrent uses of a link succeed", async () => {
    const user = await account();
    const token = await requestToken(user.email);
    const results = await Promise.allSettled([
      resetPassword({ token, password: "concurrent one" }),
      resetPassword({ token, password: "concurrent two" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected?.reason).toMatchObject({ code: "gone", messageKey: "resetLinkInvalid" });
    const winner = results[0]?.status === "fulfilled" ? "concurrent one" : "concurrent two";
    expect(await signsIn(user.email, winner)).toBe(true);
  });

  it("voids earlier links once the password has changed through any one of them", async () => {
    const user = await account();
    const first = await requestToken(user.email);
    const second = await requestToken(user.email);
    await resetPassword({ token: second, password: "changed via second" });
    await expect(resetPassword({ token: first, password: "changed via first" })).rejects.toMatchObject({ messageKey: "resetLinkInvalid" });
  });

  it("refuses a tampered token and changes nothing", async () => {
    const user = await account();
    const token = await requestToken(user.email);
    const [body = "", signature = ""] = token.split(".");
    const flipped = signature.startsWith("A") ? `B${signature.slice(1)}` : `A${signature.slice(1)}`;
    const before = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });

    for (const bad of [`${body}.${flipped}`, `${body}x.${signature}`, body, "", "not.a.token"]) {
      await expect(resetPassword({ token: bad, password: "attacker password" }), bad).rejects.toMatchObject({
        code: "gone",
        messageKey: "resetLinkInvalid",
      });
    }
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toEqual(before);
  });

  it("refuses a forged token for another user signed with the wrong purpose", async () => {
    const victim = await account();
    const row = await prisma.user.findUniqueOrThrow({ where: { id: victim.id } });
    const pwf = sha256(row.passwordHash ?? "").slice(0, 16);
    // Right payload, wrong purpose: a token minted for something else must not reset passwords.
    const forged = signToken("invitation", { uid: victim.id, pwf }, 3600);
    await expect(resetPassword({ token: forged, password: "attacker password" })).rejects.toMatchObject({ messageKey: "resetLinkInvalid" });
    // The same payload under the right purpose is exactly what a real link holds: the test's control.
    expect(await isResetTokenValid(signToken("password-reset", { uid: victim.id, pwf }, 3600))).toBe(true);
  });

  it("refuses an expired link", async () => {
    const user = await account();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(Date.now() - (RESET_TTL_SECONDS + 60) * 1000));
    const token = await requestToken(user.email);
    vi.useRealTimers();

    expect(await isResetTokenValid(token)).toBe(false);
    await expect(resetPassword({ token, password: "too late password" })).rejects.toMatchObject({ code: "gone", messageKey: "resetLinkInvalid" });
    expect(await signsIn(user.email, "old password")).toBe(true);
  });

  it("is still valid just before it expires", async () => {
    const user = await account();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(Date.now() - (RESET_TTL_SECONDS - 60) * 1000));
    const token = await requestToken(user.email);
    vi.useRealTimers();
    expect(await isResetTokenValid(token)).toBe(true);
  });
});
