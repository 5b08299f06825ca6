/**
 * Custom-field values checked against the workspace's definitions (CustomField: text, number,
 * date, boolean, select), the same way for a form, the API and a CSV import: each value is read
 * from what people write (a CSV gives only strings: "1.5", "2026-12-07", "yes") into its stored
 * form, or refused with a message key naming the field. Empty means "no value" (the key is removed).
 */
import type { CustomFieldType } from "@/lib/generated/prisma/enums";

export interface CustomFieldDefinition {
  key: string;
  label: string;
  type: CustomFieldType;
  /** The choices of a `select` field. */
  options: unknown;
}

export type CustomFieldValue = string | number | boolean;

/** A contact's stored `customFields` column as the object it should be ({} for anything else). */
export function storedCustomFields(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export type CustomFieldProblem =
  | "customFieldUnknown"
  | "customFieldTooLong"
  | "customFieldNotANumber"
  | "customFieldNotADate"
  | "customFieldNotABoolean"
  | "customFieldNotAChoice";

export interface CustomFieldError {
  key: string;
  problem: CustomFieldProblem;
}

const TEXT_MAX = 1_000;
const TRUE = new Set(["true", "yes", "y", "1", "ya"]);
const FALSE = new Set(["false", "no", "n", "0", "tidak"]);

function choices(options: unknown): string[] {
  return Array.isArray(options) ? options.filter((o): o is string => typeof o === "string") : [];
}

/** A calendar date, written ISO (2026-12-07); stored as that string. */
function isoDate(text: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text ? text : null;
}

function read(definition: CustomFieldDefinition, raw: unknown): { value: CustomFieldValue | null } | { problem: CustomFieldProblem } {
  if (raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "")) return { value: null };
  const text = typeof raw === "string" ? raw.trim() : raw;
  switch (definition.type) {
    case "text":
      if (typeof text !== "string" && typeof text !== "number") return { problem: "customFieldTooLong" };
      return String(text).length > TEXT_MAX ? { problem: "customFieldTooLong" } : { value: String(text) };
    case "number": {
      const number = typeof text === "number" ? text : typeof text === "string" && /^[-+]?\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
      return Number.isFinite(number) ? { value: number } : { problem: "customFieldNotANumber" };
    }
    case "date": {
      const date = typeof text === "string" ? isoDate(text) : null;
      return date ? { value: date } : { problem: "customFieldNotADate" };
    }
    case "boolean": {
      if (typeof text === "boolean") return { value: text };
      const word = String(text).toLowerCase();
      return TRUE.has(word) ? { value: true } : FALSE.has(word) ? { value: false } : { problem: "customFieldNotABoolean" };
    }
    case "select": {
      const choice = choices(definition.options).find((c) => c === text || (typeof text === "string" && c.toLowerCase() === text.toLowerCase()));
      return choice ? { value: choice } : { problem: "customFieldNotAChoice" };
    }
  }
}

/**
 * `values` (by field key) read against `definitions`: the values to store, the keys to clear, and
 * every problem found (all of them, so a form or an import row can point at each one).
 */
export function readCustomFieldValues(
  definitions: CustomFieldDefinition[],
  values: Record<string, unknown>,
): { set: Record<string, CustomFieldValue>; clear: string[]; errors: CustomFieldError[] } {
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const set: Record<string, CustomFieldValue> = {};
  const clear: string[] = [];
  const errors: CustomFieldError[] = [];
  for (const [key, raw] of Object.entries(values)) {
    const definition = byKey.get(key);
    if (!definition) {
      errors.push({ key, problem: "customFieldUnknown" });
      continue;
    }
    const result = read(definition, raw);
    if ("problem" in result) errors.push({ key, problem: result.problem });
    else if (result.value === null) clear.push(key);
    else set[key] = result.value;
  }
  return { set, clear, errors };
}
