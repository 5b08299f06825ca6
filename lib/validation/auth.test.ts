import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { emailSchema, newPasswordSchema, nameSchema, resetPasswordSchema, signInSchema, signUpSchema } from "./auth";

/** The messages (catalog keys) of a failed parse; [] when it succeeds. */
function errors(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe("emailSchema", () => {
  it("trims and lower-cases", () => {
    expect(emailSchema.parse("  Budi.Santoso@Example.CO.ID \n")).toBe("budi.santoso@example.co.id");
  });

  it("rejects junk with emailInvalid, and empty or missing with emailRequired", () => {
    for (const junk of ["budi", "budi@", "@example.com", "budi@example", "budi example@x.com", "a@b@c.com", `${"a".repeat(250)}@example.com`]) {
      expect(errors(emailSchema, junk), junk).toEqual(["emailInvalid"]);
    }
    expect(errors(emailSchema, "   ")).toEqual(["emailRequired"]);
    expect(errors(emailSchema, undefined)).toEqual(["emailRequired"]);
    expect(errors(emailSchema, 42)).toEqual(["emailRequired"]);
  });
});

describe("newPasswordSchema", () => {
  it("takes 8 to 128 characters, untrimmed", () => {
    expect(errors(newPasswordSchema, "1234567")).toEqual(["passwordTooShort"]);
    expect(errors(newPasswordSchema, "12345678")).toEqual([]);
    expect(errors(newPasswordSchema, "x".repeat(128))).toEqual([]);
    expect(errors(newPasswordSchema, "x".repeat(129))).toEqual(["passwordTooLong"]);
    expect(newPasswordSchema.parse("  spaced  ")).toBe("  spaced  ");
    expect(errors(newPasswordSchema, undefined)).toEqual(["passwordRequired"]);
  });
});

describe("nameSchema", () => {
  it("trims, requires a name and caps its length", () => {
    expect(nameSchema.parse("  Budi  ")).toBe("Budi");
    expect(errors(nameSchema, "   ")).toEqual(["nameRequired"]);
    expect(errors(nameSchema, "n".repeat(101))).toEqual(["nameTooLong"]);
  });
});

describe("form schemas", () => {
  it("sign-up normalises the email and reports each bad field by its key", () => {
    expect(signUpSchema.parse({ name: " Budi ", email: " BUDI@example.com", password: "longenough" })).toEqual({
      name: "Budi",
      email: "budi@example.com",
      password: "longenough",
    });
    const result = signUpSchema.safeParse({ name: "", email: "nope", password: "short" });
    expect(result.success).toBe(false);
    expect(Object.fromEntries(result.error?.issues.map((i) => [i.path.join("."), i.message]) ?? [])).toEqual({
      name: "nameRequired",
      email: "emailInvalid",
      password: "passwordTooShort",
    });
  });

  it("sign-in accepts any non-empty password (old accounts may predate the length rule)", () => {
    expect(errors(signInSchema, { email: "a@example.com", password: "x" })).toEqual([]);
    expect(errors(signInSchema, { email: "a@example.com", password: "" })).toEqual(["passwordRequired"]);
  });

  it("reset requires a token and a valid new password", () => {
    expect(resetPasswordSchema.safeParse({ token: "", password: "longenough" }).success).toBe(false);
    expect(errors(resetPasswordSchema, { token: "t", password: "short" })).toEqual(["passwordTooShort"]);
  });
});
