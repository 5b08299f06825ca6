/**
 * A filter of the contacts table, and of a segment (which is a saved filter): conditions on any
 * field, custom fields included, joined by "all" (AND) or "any" (OR), one level of groups deep
 * ("all of: tag is VIP, any of: [group is Jakarta, group is Bandung]"). Plain JSON, so it travels
 * in a URL, a server action and a Segment row alike; read with `contactFilterSchema` wherever it
 * enters, compiled to a Prisma where by `./to-where`.
 */
import { z } from "zod";

const id = z.string().min(1).max(64);
const ids = z.array(id).min(1, "filterValueRequired").max(100);
const text = z.string().trim().min(1, "filterValueRequired").max(200);
/** A calendar day (2026-12-07), judged in the workspace's time zone. */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "filterDateInvalid");
const days = z.number().int().min(1).max(3650);

const textCondition = z.discriminatedUnion("op", [
  z.object({ field: z.enum(["name", "phone", "email"]), op: z.enum(["contains", "equals"]), value: text }),
  z.object({ field: z.enum(["name", "phone", "email"]), op: z.enum(["empty", "notEmpty"]) }),
]);

const labelCondition = z.object({ field: z.enum(["group", "tag"]), op: z.enum(["in", "notIn"]), value: ids });

const optedOutCondition = z.object({ field: z.literal("optedOut"), op: z.literal("is"), value: z.boolean() });

const dateCondition = z.discriminatedUnion("op", [
  z.object({ field: z.enum(["createdAt", "lastInboundAt"]), op: z.enum(["before", "after", "on"]), value: day }),
  z.object({ field: z.enum(["createdAt", "lastInboundAt"]), op: z.enum(["withinDays", "notWithinDays"]), value: days }),
  z.object({ field: z.enum(["createdAt", "lastInboundAt"]), op: z.enum(["empty", "notEmpty"]) }),
]);

const referralCondition = z.discriminatedUnion("op", [
  z.object({ field: z.literal("referral"), op: z.enum(["any", "none"]) }),
  z.object({ field: z.literal("referral"), op: z.literal("source"), value: text }),
]);

/** The custom field's key; its type (from the workspace's definitions) decides which ops apply. */
const customKey = z.string().regex(/^[a-z0-9_]{1,64}$/);
const customCondition = z.discriminatedUnion("op", [
  z.object({ field: z.literal("custom"), key: customKey, op: z.enum(["equals", "contains"]), value: z.union([text, z.number().finite(), z.boolean()]) }),
  z.object({ field: z.literal("custom"), key: customKey, op: z.enum(["gt", "lt"]), value: z.union([z.number().finite(), day]) }),
  z.object({ field: z.literal("custom"), key: customKey, op: z.enum(["empty", "notEmpty"]) }),
]);

export const conditionSchema = z.union([textCondition, labelCondition, optedOutCondition, dateCondition, referralCondition, customCondition]);
export type ContactCondition = z.infer<typeof conditionSchema>;

export const matchSchema = z.enum(["all", "any"]);
export type Match = z.infer<typeof matchSchema>;

export const conditionGroupSchema = z.object({ match: matchSchema, conditions: z.array(conditionSchema).min(1).max(20) });
export type ConditionGroup = z.infer<typeof conditionGroupSchema>;

export const MAX_CONDITIONS = 20;

export const contactFilterSchema = z.object({
  /** Free text over name, WhatsApp profile name, phone and email. */
  search: z.string().trim().max(100).optional(),
  match: matchSchema.default("all"),
  conditions: z.array(z.union([conditionSchema, conditionGroupSchema])).max(MAX_CONDITIONS, "filterTooManyConditions").default([]),
});
export type ContactFilter = z.infer<typeof contactFilterSchema>;
export type ContactFilterInput = z.input<typeof contactFilterSchema>;

export const EMPTY_FILTER: ContactFilter = { match: "all", conditions: [] };

export function isConditionGroup(item: ContactFilter["conditions"][number]): item is ConditionGroup {
  return "match" in item;
}

/** Whether the filter narrows anything (an empty one is "every contact"). */
export function isEmptyFilter(filter: ContactFilter): boolean {
  return !filter.search && filter.conditions.length === 0;
}
