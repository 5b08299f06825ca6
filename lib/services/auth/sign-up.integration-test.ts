import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { verifyPassword } from "@/lib/auth/password";
import { signUpSchema } from "@/lib/validation/auth";
import { uniqueEmail } from "@/test/fixtures/tenants";
import { signUp } from "./sign-up";

describe("signUp", () => {
  it("creates the user with an argon2id hash of the password, never the password itself", async () => {
    const email = uniqueEmail("budi");
    const user = await signUp({ name: "Budi", email, password: "correct horse battery", locale: "id" });

    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(user).toEqual({ id: row.id, email, name: "Budi" });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain("correct horse battery");
    expect(await verifyPassword(row.passwordHash ?? "", "correct horse battery")).toBe(true);
    expect(row.locale).toBe("id");
    expect(row.passwordChangedAt).toBeNull();
  });

  it("stores the email lower-cased, as the sign-up form's schema gives it", async () => {
    const mixed = `  Siti.${uniqueEmail("Rahma").toUpperCase()} `;
    const input = signUpSchema.parse({ name: "Siti", email: mixed, password: "longenough" });
    const user = await signUp(input);

    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.email).toBe(mixed.trim().toLowerCase());
    // The same address in another case is the same account.
    const again = signUp(signUpSchema.parse({ name: "Other", email: mixed.trim().toLowerCase(), password: "longenough" }));
    await expect(again).rejects.toMatchObject({ code: "conflict", messageKey: "emailTaken" });
  });

  it("refuses a taken email with conflict emailTaken on the email field, writing nothing", async () => {
    const email = uniqueEmail("taken");
    const first = await signUp({ name: "First", email, password: "first-password" });
    const before = await prisma.user.findUniqueOrThrow({ where: { id: first.id } });
    const usersBefore = await prisma.user.count();

    const error = await signUp({ name: "Second", email, password: "second-password", locale: "en" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "conflict", messageKey: "emailTaken", field: "email", status: 409 });

    expect(await prisma.user.count()).toBe(usersBefore);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: first.id } })).toEqual(before);
  });

  it("lets exactly one of several concurrent sign-ups for one address win", async () => {
    const email = uniqueEmail("race");
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) => signUp({ name: `Racer ${i}`, email, password: `password-${i}` })),
    );

    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(4);
    for (const loss of lost) expect(loss.reason).toMatchObject({ code: "conflict", messageKey: "emailTaken", field: "email" });
    expect(await prisma.user.count({ where: { email } })).toBe(1);
  });
});
