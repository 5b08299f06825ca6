/**
 * Who a campaign is for: the union of everyone, segments (saved filters, resolved when the campaign
 * launches), groups, tags and an uploaded list (kept as a contact group the upload created). Plain
 * JSON in Campaign.audience, read with `audienceSchema` wherever it enters.
 */
import { z } from "zod";
import type { SkipReason } from "@/lib/generated/prisma/enums";

const id = z.string().min(1).max(64);
const ids = z.array(id).max(50).default([]);

export const uploadedListSchema = z.object({
  /** The group the upload put its contacts in. */
  groupId: id,
  fileName: z.string().max(200),
  /** Rows read, and rows left out: a number that is not a phone number, one seen earlier in the file. */
  rows: z.number().int().nonnegative(),
  invalid: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
});
export type UploadedList = z.infer<typeof uploadedListSchema>;

export const audienceSchema = z.object({
  everyone: z.boolean().default(false),
  segmentIds: ids,
  groupIds: ids,
  tagIds: ids,
  upload: uploadedListSchema.nullish(),
});
export type Audience = z.infer<typeof audienceSchema>;
export type AudienceInput = z.input<typeof audienceSchema>;

export const EMPTY_AUDIENCE: Audience = { everyone: false, segmentIds: [], groupIds: [], tagIds: [], upload: null };

export function isEmptyAudience(audience: Audience): boolean {
  return !audience.everyone && audience.segmentIds.length === 0 && audience.groupIds.length === 0 && audience.tagIds.length === 0 && !audience.upload;
}

/** A stored audience read back; one that no longer parses is the empty audience, never "everyone". */
export function storedAudience(value: unknown): Audience {
  const parsed = audienceSchema.safeParse(value);
  return parsed.success ? parsed.data : EMPTY_AUDIENCE;
}

/** Why an audience contact is not sent to, in the order they are decided (the first that applies wins). */
export const SKIP_REASONS = ["no_phone", "opted_out", "suppressed", "frequency_capped", "duplicate"] as const satisfies readonly SkipReason[];

/** The audience counted: contacts matched, those a launch would send to, and the rest by reason. */
export interface AudienceCount {
  matched: number;
  eligible: number;
  excluded: Record<SkipReason, number>;
  /** Of the eligible, those outside a customer-service window now (they count against Meta's messaging limit). */
  outsideWindow: number;
}
