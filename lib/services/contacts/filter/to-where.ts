/**
 * A contact filter as a Prisma where, always inside the workspace (the caller's `tenantDb` adds
 * the same scope again). Calendar days are judged in the workspace's time zone; "within N days"
 * counts back from `now`. A contact who never wrote has no last inbound: "not within 30 days"
 * includes them, "before a day" does not.
 */
import { TZDate } from "@date-fns/tz";
import { Prisma } from "@/lib/db";
import { type ContactCondition, type ContactFilter, isConditionGroup, type Match } from "./schema";

export interface FilterContext {
  workspaceId: string;
  timeZone: string;
  now?: Date;
}

const DAY_MS = 86_400_000;

function dayStart(day: string, timeZone: string, plusDays = 0): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d + plusDays, timeZone).getTime());
}

function textWhere(field: "name" | "phone" | "email", condition: ContactCondition): Prisma.ContactWhereInput {
  switch (condition.op) {
    case "contains":
      return { [field]: { contains: condition.value, mode: "insensitive" } };
    case "equals":
      return { [field]: { equals: condition.value, mode: "insensitive" } };
    case "empty":
      return { OR: [{ [field]: null }, { [field]: "" }] };
    default:
      return { AND: [{ [field]: { not: null } }, { [field]: { not: "" } }] };
  }
}

function dateWhere(field: "createdAt" | "lastInboundAt", condition: ContactCondition, context: FilterContext): Prisma.ContactWhereInput {
  const now = context.now ?? new Date();
  const { op } = condition;
  const value = "value" in condition ? condition.value : undefined;
  if (op === "before" && typeof value === "string") return { [field]: { lt: dayStart(value, context.timeZone) } };
  if (op === "after" && typeof value === "string") return { [field]: { gte: dayStart(value, context.timeZone, 1) } };
  if (op === "on" && typeof value === "string") return { [field]: { gte: dayStart(value, context.timeZone), lt: dayStart(value, context.timeZone, 1) } };
  if (op === "withinDays" && typeof value === "number") return { [field]: { gte: new Date(now.getTime() - value * DAY_MS) } };
  if (op === "notWithinDays" && typeof value === "number") {
    const since = new Date(now.getTime() - value * DAY_MS);
    return field === "createdAt" ? { createdAt: { lt: since } } : { OR: [{ lastInboundAt: null }, { lastInboundAt: { lt: since } }] };
  }
  if (op === "empty") return { [field]: null };
  return { [field]: { not: null } };
}

function customWhere(condition: Extract<ContactCondition, { field: "custom" }>): Prisma.ContactWhereInput {
  const path = [condition.key];
  switch (condition.op) {
    case "equals":
      return { customFields: { path, equals: condition.value } };
    case "contains":
      return { customFields: { path, string_contains: String(condition.value) } };
    case "gt":
      return { customFields: { path, gt: condition.value } };
    case "lt":
      return { customFields: { path, lt: condition.value } };
    case "empty":
      return { customFields: { path, equals: Prisma.AnyNull } };
    case "notEmpty":
      return { NOT: { customFields: { path, equals: Prisma.AnyNull } } };
  }
}

function conditionWhere(condition: ContactCondition, context: FilterContext): Prisma.ContactWhereInput {
  switch (condition.field) {
    case "name":
    case "phone":
    case "email":
      return textWhere(condition.field, condition);
    case "group":
      return condition.op === "in" ? { groups: { some: { groupId: { in: condition.value } } } } : { groups: { none: { groupId: { in: condition.value } } } };
    case "tag":
      return condition.op === "in" ? { tags: { some: { tagId: { in: condition.value } } } } : { tags: { none: { tagId: { in: condition.value } } } };
    case "optedOut":
      return condition.value ? { optedOutAt: { not: null } } : { optedOutAt: null };
    case "createdAt":
    case "lastInboundAt":
      return dateWhere(condition.field, condition, context);
    case "referral":
      if (condition.op === "source") return { referralSourceId: condition.value };
      // referredAt moves with the referral; a referral without a usable source id still counts.
      return condition.op === "any" ? { referredAt: { not: null } } : { referredAt: null };
    case "custom":
      return customWhere(condition);
  }
}

function joined(match: Match, parts: Prisma.ContactWhereInput[]): Prisma.ContactWhereInput {
  if (parts.length === 0) return {};
  if (parts.length === 1) return parts[0]!;
  return match === "all" ? { AND: parts } : { OR: parts };
}

/** The digits of a search that looks like a phone number ("+62 812-3456" → "628123456"), if any. */
function searchDigits(search: string): string | null {
  const digits = search.replace(/[\s().+-]/g, "");
  return /^\d{3,}$/.test(digits) ? digits : null;
}

function searchWhere(search: string): Prisma.ContactWhereInput {
  const digits = searchDigits(search);
  return {
    OR: [
      { name: { contains: search, mode: "insensitive" } },
      { profileName: { contains: search, mode: "insensitive" } },
      { email: { contains: search, mode: "insensitive" } },
      ...(digits ? [{ phone: { contains: digits } }] : []),
    ],
  };
}

export function filterWhere(filter: ContactFilter, context: FilterContext): Prisma.ContactWhereInput {
  const conditions = filter.conditions.map((item) =>
    isConditionGroup(item) ? joined(item.match, item.conditions.map((c) => conditionWhere(c, context))) : conditionWhere(item, context),
  );
  const parts: Prisma.ContactWhereInput[] = [{ workspaceId: context.workspaceId }];
  if (filter.search) parts.push(searchWhere(filter.search));
  const matched = joined(filter.match, conditions);
  if (Object.keys(matched).length > 0) parts.push(matched);
  return parts.length === 1 ? parts[0]! : { AND: parts };
}
