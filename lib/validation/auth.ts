/**
 * Input schemas for sign-up, sign-in and password reset. Messages are catalog keys under
 * `validation.` so forms show them in the user's language.
 */
import { z } from "zod";

export const emailSchema = z
  .string({ message: "emailRequired" })
  .trim()
  .min(1, "emailRequired")
  .max(254, "emailInvalid")
  .pipe(z.email("emailInvalid"))
  .transform((email) => email.toLowerCase());

export const newPasswordSchema = z.string({ message: "passwordRequired" }).min(8, "passwordTooShort").max(128, "passwordTooLong");

export const nameSchema = z.string().trim().min(1, "nameRequired").max(100, "nameTooLong");

export const signUpSchema = z.object({
  name: nameSchema,
  email: emailSchema,
  password: newPasswordSchema,
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "passwordRequired").max(128, "passwordTooLong"),
  callbackUrl: z.string().max(2000).optional(),
});

export const requestResetSchema = z.object({ email: emailSchema });

export const resetPasswordSchema = z.object({
  token: z.string().min(1).max(1000),
  password: newPasswordSchema,
});
