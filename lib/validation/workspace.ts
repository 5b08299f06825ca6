import { z } from "zod";
import { emailSchema } from "./auth";

const TIMEZONES = new Set(Intl.supportedValuesOf("timeZone").concat("UTC"));
const COUNTRIES = /^[A-Z]{2}$/;

/** A new workspace's country and time zone when none is given (the form proposes the browser's). */
export const WORKSPACE_DEFAULTS = { defaultCountry: "ID", timezone: "Asia/Jakarta" } as const;

export const slugParam = z.string().min(1).max(64);

export const workspaceNameSchema = z.string().trim().min(2, "workspaceNameTooShort").max(60, "workspaceNameTooLong");
export const timezoneSchema = z.string().refine((tz) => TIMEZONES.has(tz), "timezoneInvalid");
export const countrySchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((c) => COUNTRIES.test(c), "countryInvalid");

export const createWorkspaceSchema = z.object({
  name: workspaceNameSchema,
  defaultCountry: countrySchema.default(WORKSPACE_DEFAULTS.defaultCountry),
  timezone: timezoneSchema.default(WORKSPACE_DEFAULTS.timezone),
});
export type CreateWorkspaceInput = z.infer<typeof createWorkspaceSchema>;

/** Media retention: whole days from 1 to 10 years; empty means keep forever (null). */
export const MEDIA_RETENTION_MIN_DAYS = 1;
export const MEDIA_RETENTION_MAX_DAYS = 3650;
export const mediaRetentionDaysSchema = z.preprocess(
  (value) => (typeof value === "string" ? (value.trim() === "" ? null : Number(value)) : value),
  z
    .number({ message: "mediaRetentionInvalid" })
    .int("mediaRetentionInvalid")
    .min(MEDIA_RETENTION_MIN_DAYS, "mediaRetentionInvalid")
    .max(MEDIA_RETENTION_MAX_DAYS, "mediaRetentionInvalid")
    .nullable(),
);

export const updateWorkspaceSchema = z.object({
  slug: slugParam,
  name: workspaceNameSchema,
  defaultCountry: countrySchema,
  timezone: timezoneSchema,
  /** Absent: unchanged. */
  mediaRetentionDays: mediaRetentionDaysSchema.optional(),
});

export const roleSchema = z.enum(["owner", "admin", "agent"], { message: "roleInvalid" });
export const assignableRoleSchema = z.enum(["admin", "agent"], { message: "roleInvalid" });

export const inviteSchema = z.object({ slug: slugParam, email: emailSchema, role: assignableRoleSchema });
export const memberTargetSchema = z.object({ slug: slugParam, membershipId: z.string().min(1).max(64) });
export const changeRoleSchema = memberTargetSchema.extend({ role: assignableRoleSchema });
export const invitationTargetSchema = z.object({ slug: slugParam, invitationId: z.string().min(1).max(64) });
export const acceptInvitationSchema = z.object({ token: z.string().min(10).max(200) });
