/**
 * A condition as it is being built in the filter editor: possibly incomplete (no value yet). Only
 * the complete ones (those the filter schema accepts) reach the server; the rest are marked.
 */
import { conditionSchema, type ContactCondition, type ContactFilter } from "@/lib/services/contacts/filter/schema";
import type { FieldDefinition } from "./types";

export interface DraftCondition {
  /** "name" | "phone" | … | "custom:<key>" */
  field: string;
  op: string;
  value?: string | number | boolean | string[];
}

export interface DraftGroup {
  match: "all" | "any";
  conditions: DraftCondition[];
}

export type DraftItem = DraftCondition | DraftGroup;

export const isDraftGroup = (item: DraftItem): item is DraftGroup => "conditions" in item;

const TEXT_OPS = ["contains", "equals", "empty", "notEmpty"];
const DATE_OPS = ["withinDays", "notWithinDays", "before", "after", "on", "empty", "notEmpty"];

/** The operators a field offers, in the order the editor lists them. */
export function opsFor(field: string, fields: FieldDefinition[]): string[] {
  if (field === "name" || field === "phone" || field === "email") return TEXT_OPS;
  if (field === "group" || field === "tag") return ["in", "notIn"];
  if (field === "optedOut") return ["is"];
  if (field === "createdAt" || field === "lastInboundAt") return DATE_OPS;
  if (field === "referral") return ["any", "none", "source"];
  const definition = fields.find((f) => `custom:${f.key}` === field);
  switch (definition?.type) {
    case "number":
      return ["equals", "gt", "lt", "empty", "notEmpty"];
    case "date":
      return ["equals", "lt", "gt", "empty", "notEmpty"];
    case "boolean":
      return ["equals", "empty", "notEmpty"];
    case "select":
      return ["equals", "empty", "notEmpty"];
    default:
      return TEXT_OPS;
  }
}

export function takesValue(op: string): boolean {
  return !["empty", "notEmpty", "any", "none"].includes(op);
}

export function newCondition(field: string, fields: FieldDefinition[]): DraftCondition {
  const op = opsFor(field, fields)[0]!;
  const definition = fields.find((f) => `custom:${f.key}` === field);
  if (field === "optedOut") return { field, op, value: true };
  if (definition?.type === "boolean") return { field, op, value: true };
  return { field, op };
}

/** The draft as the schema's condition, or null while it is incomplete. */
export function toCondition(draft: DraftCondition, fields: FieldDefinition[]): ContactCondition | null {
  const custom = draft.field.startsWith("custom:") ? draft.field.slice("custom:".length) : null;
  const definition = custom ? fields.find((f) => f.key === custom) : undefined;
  let value = draft.value;
  if (definition?.type === "number" && typeof value === "string" && value.trim() !== "") value = Number(value);
  if ((draft.field === "createdAt" || draft.field === "lastInboundAt") && (draft.op === "withinDays" || draft.op === "notWithinDays") && typeof value === "string") {
    value = Number(value);
  }
  const candidate = custom
    ? { field: "custom", key: custom, op: draft.op, ...(takesValue(draft.op) ? { value } : {}) }
    : { field: draft.field, op: draft.op, ...(takesValue(draft.op) ? { value } : {}) };
  const parsed = conditionSchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}

export function toFilter(search: string, match: "all" | "any", items: DraftItem[], fields: FieldDefinition[]): ContactFilter {
  const conditions: ContactFilter["conditions"] = [];
  for (const item of items) {
    if (isDraftGroup(item)) {
      const inner = item.conditions.map((c) => toCondition(c, fields)).filter((c): c is ContactCondition => c !== null);
      if (inner.length > 0) conditions.push({ match: item.match, conditions: inner });
    } else {
      const condition = toCondition(item, fields);
      if (condition) conditions.push(condition);
    }
  }
  return { ...(search.trim() ? { search: search.trim() } : {}), match, conditions };
}

function fromCondition(condition: ContactCondition): DraftCondition {
  const field = condition.field === "custom" ? `custom:${condition.key}` : condition.field;
  return { field, op: condition.op, ...("value" in condition ? { value: condition.value } : {}) };
}

/** A saved filter (a segment's, the URL's) back into the editor. */
export function fromFilter(filter: ContactFilter): { search: string; match: "all" | "any"; items: DraftItem[] } {
  return {
    search: filter.search ?? "",
    match: filter.match,
    items: filter.conditions.map((item) => ("conditions" in item ? { match: item.match, conditions: item.conditions.map(fromCondition) } : fromCondition(item))),
  };
}
