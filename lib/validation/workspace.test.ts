import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { acceptInvitationSchema, assignableRoleSchema, changeRoleSchema, createWorkspaceSchema, inviteSchema, updateWorkspaceSchema } from "./workspace";

function errors(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe("createWorkspaceSchema", () => {
  it("trims the name, upper-cases the country, and defaults country and timezone", () => {
    expect(createWorkspaceSchema.parse({ name: "  Toko Budi  ", defaultCountry: " sg " , timezone: "Asia/Singapore" })).toEqual({
      name: "Toko Budi",
      defaultCountry: "SG",
      timezone: "Asia/Singapore",
    });
    expect(createWorkspaceSchema.parse({ name: "Toko Budi" })).toEqual({ name: "Toko Budi", defaultCountry: "ID", timezone: "Asia/Jakarta" });
    expect(createWorkspaceSchema.parse({ name: "Toko", timezone: "UTC" }).timezone).toBe("UTC");
  });

  it("rejects unknown time zones", () => {
    for (const timezone of ["Mars/Olympus", "Asia/Jakart", "+07:00", "", "asia/jakarta; drop table"]) {
      expect(errors(createWorkspaceSchema, { name: "Toko", timezone }), timezone).toEqual(["timezoneInvalid"]);
    }
  });

  it("rejects countries that are not two letters", () => {
    for (const defaultCountry of ["IDN", "I", "1D", "", "I D"]) {
      expect(errors(createWorkspaceSchema, { name: "Toko", defaultCountry }), defaultCountry).toEqual(["countryInvalid"]);
    }
  });

  it("bounds the name length", () => {
    expect(errors(createWorkspaceSchema, { name: " a " })).toEqual(["workspaceNameTooShort"]);
    expect(errors(createWorkspaceSchema, { name: "ab" })).toEqual([]);
    expect(errors(createWorkspaceSchema, { name: "n".repeat(61) })).toEqual(["workspaceNameTooLong"]);
  });

  it("update requires every field (no silent defaults over stored values)", () => {
    expect(updateWorkspaceSchema.safeParse({ slug: "toko", name: "Toko" }).success).toBe(false);
    expect(updateWorkspaceSchema.safeParse({ slug: "toko", name: "Toko", defaultCountry: "ID", timezone: "Asia/Jakarta" }).success).toBe(true);
  });

  it("reads media retention from the form: days, empty for forever, absent for unchanged", () => {
    const base = { slug: "toko", name: "Toko", defaultCountry: "ID", timezone: "Asia/Jakarta" };
    expect(updateWorkspaceSchema.parse({ ...base, mediaRetentionDays: "30" }).mediaRetentionDays).toBe(30);
    expect(updateWorkspaceSchema.parse({ ...base, mediaRetentionDays: " " }).mediaRetentionDays).toBeNull();
    expect(updateWorkspaceSchema.parse({ ...base, mediaRetentionDays: null }).mediaRetentionDays).toBeNull();
    expect(updateWorkspaceSchema.parse(base).mediaRetentionDays).toBeUndefined();
    for (const bad of ["0", "3651", "1.5", "abc", -3]) {
      expect(errors(updateWorkspaceSchema, { ...base, mediaRetentionDays: bad })).toEqual(["mediaRetentionInvalid"]);
    }
  });
});

describe("roles and invitations", () => {
  it("never lets a form hand out the owner role", () => {
    expect(errors(assignableRoleSchema, "owner")).toEqual(["roleInvalid"]);
    expect(errors(changeRoleSchema, { slug: "toko", membershipId: "m1", role: "owner" })).toEqual(["roleInvalid"]);
    expect(errors(inviteSchema, { slug: "toko", email: "a@example.com", role: "owner" })).toEqual(["roleInvalid"]);
  });

  it("normalises the invited email", () => {
    expect(inviteSchema.parse({ slug: "toko", email: " Agent@Example.com ", role: "agent" }).email).toBe("agent@example.com");
  });

  it("bounds the invitation token", () => {
    expect(acceptInvitationSchema.safeParse({ token: "short" }).success).toBe(false);
    expect(acceptInvitationSchema.safeParse({ token: "x".repeat(201) }).success).toBe(false);
    expect(acceptInvitationSchema.safeParse({ token: "x".repeat(43) }).success).toBe(true);
  });
});
