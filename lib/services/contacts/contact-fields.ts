/** The fields a person edits on a contact, checked the same way wherever they arrive (form, API, import). */
import { z } from "zod";
import { type AppError, Invalid } from "@/lib/errors";

export const emptyToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);

export const contactFields = {
  name: z.preprocess(emptyToNull, z.string().trim().max(100, "contactNameTooLong").nullable()).optional(),
  email: z.preprocess(emptyToNull, z.email("emailInvalid").trim().toLowerCase().max(254).nullable()).optional(),
  tags: z
    .array(z.string().trim().min(1, "tagEmpty").max(40, "tagTooLong"))
    .max(20, "tooManyTags")
    .transform((names) => [...new Set(names)])
    .optional(),
  groupIds: z.array(z.string().min(1).max(64)).max(50).transform((ids) => [...new Set(ids)]).optional(),
};

/** A zod refusal as the `invalid` AppError the edges translate: its message key (when it is one) and field. */
export function invalidFromZod(error: z.ZodError): AppError {
  const issue = error.issues[0];
  return Invalid(issue?.message && /^[a-zA-Z]+$/.test(issue.message) ? issue.message : "invalidInput", { field: issue?.path.join(".") });
}
