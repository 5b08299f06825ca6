/**
 * The fields a CSV column can fill, how a mapping is written ({ [column index]: field }), and a
 * first guess from the header's names (in English and Indonesian) that the person then corrects.
 */
import { z } from "zod";

export const BASE_FIELDS = ["phone", "name", "email", "tags", "groups", "opt_in"] as const;
export type BaseField = (typeof BASE_FIELDS)[number];
/** A custom field is `custom:<key>`. */
export type ImportField = BaseField | `custom:${string}`;

export const importFieldSchema = z.union([z.enum(BASE_FIELDS), z.string().regex(/^custom:[a-z0-9_]{1,64}$/)]) as z.ZodType<ImportField>;
/** What a <select> gives, narrowed: a field's name, or not (the "Ignore" choice). */
export function isImportField(value: string): value is ImportField {
  return importFieldSchema.safeParse(value).success;
}

export const mappingSchema = z.record(z.string().regex(/^\d{1,4}$/), importFieldSchema);
export type ImportMapping = Record<string, ImportField>;

const GUESSES: [BaseField, RegExp][] = [
  ["phone", /^(phone|phone ?number|mobile|whatsapp|wa|no\.? ?(hp|wa|telp|telepon)|nomor( hp| wa| telepon)?|telepon|hp|handphone|msisdn)$/],
  ["name", /^(name|full ?name|nama( lengkap)?|contact|kontak|customer|pelanggan)$/],
  ["email", /^(e-?mail|email address|surel)$/],
  ["tags", /^(tags?|label)$/],
  ["groups", /^(groups?|grup|kelompok)$/],
  ["opt_in", /^(opt[ -_]?in|consent|subscribed|setuju)$/],
];

export function suggestMapping(columns: string[], customFieldKeys: { key: string; label: string }[]): ImportMapping {
  const mapping: ImportMapping = {};
  const taken = new Set<string>();
  columns.forEach((column, index) => {
    const name = column.trim().toLowerCase();
    const base = GUESSES.find(([field, pattern]) => !taken.has(field) && pattern.test(name))?.[0];
    const custom = customFieldKeys.find((f) => !taken.has(`custom:${f.key}`) && (f.key === name || f.label.toLowerCase() === name));
    const field: ImportField | undefined = base ?? (custom ? `custom:${custom.key}` : undefined);
    if (field) {
      mapping[String(index)] = field;
      taken.add(field);
    }
  });
  return mapping;
}
