/**
 * One CSV row read through the mapping into what a contact stores, or refused with the reason
 * (a message key under `errors.`) and the field it is about. The same checks as a contact made by
 * hand (phone normalisation, email, name length, custom-field types), so an import never stores
 * what the form would refuse.
 */
import { z } from "zod";
import { readCustomFieldValues, type CustomFieldDefinition, type CustomFieldValue } from "../custom-field-values";
import { normalizePhone } from "../phone";
import type { ImportMapping } from "./fields";

export interface ImportRow {
  rowNumber: number;
  /** The row's cells as read, for the rejected-rows file should a later check refuse it. */
  cells: string[];
  phone: string;
  name: string | null;
  email: string | null;
  customFields: Record<string, CustomFieldValue>;
  tags: string[];
  groups: string[];
  optIn: boolean;
}

export interface RejectedRow {
  rowNumber: number;
  reason: string;
  field: string | null;
  values: string[];
}

const email = z.email();
const TRUE = new Set(["true", "yes", "y", "1", "ya", "x"]);

/** "vip, wholesale; jakarta" → the names, trimmed, without empties or repeats. */
function names(cell: string): string[] {
  return [...new Set(cell.split(/[,;|]/).map((n) => n.trim()).filter(Boolean))];
}

export function readRow(
  cells: string[],
  rowNumber: number,
  mapping: ImportMapping,
  context: { country: string; definitions: CustomFieldDefinition[] },
): ImportRow | RejectedRow {
  const reject = (reason: string, field: string | null): RejectedRow => ({ rowNumber, reason, field, values: cells });
  const row: Omit<ImportRow, "phone"> & { phone: string | null } = { rowNumber, cells, phone: null, name: null, email: null, customFields: {}, tags: [], groups: [], optIn: false };
  const custom: Record<string, string> = {};

  for (const [index, field] of Object.entries(mapping)) {
    const cell = (cells[Number(index)] ?? "").trim();
    if (field === "phone") {
      const phone = normalizePhone(cell, context.country);
      if (!phone.ok) return reject(phone.problem, "phone");
      row.phone = phone.e164;
    } else if (field === "name") {
      if (cell.length > 100) return reject("contactNameTooLong", "name");
      row.name = cell || null;
    } else if (field === "email") {
      if (cell && !email.safeParse(cell).success) return reject("emailInvalid", "email");
      row.email = cell ? cell.toLowerCase() : null;
    } else if (field === "tags" || field === "groups") {
      const list = names(cell);
      if (list.some((n) => n.length > 40)) return reject("tagTooLong", field);
      row[field] = list;
    } else if (field === "opt_in") {
      row.optIn = TRUE.has(cell.toLowerCase());
    } else {
      custom[field.slice("custom:".length)] = cell;
    }
  }
  if (!row.phone) return reject("phoneEmpty", "phone");

  const read = readCustomFieldValues(context.definitions, custom);
  const problem = read.errors[0];
  if (problem) return reject(problem.problem, `custom:${problem.key}`);
  return { ...row, phone: row.phone, customFields: read.set };
}
