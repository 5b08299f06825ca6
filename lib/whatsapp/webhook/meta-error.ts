/** Meta's error object, as webhooks carry it in `statuses[].errors`, `messages[].errors` and `value.errors`. */
import { z } from "zod";

export interface MetaError {
  /** Fits a Postgres `integer`; null when Meta's code is missing or not an integer. */
  code: number | null;
  title: string | null;
  message: string | null;
  details: string | null;
}

const INT32_MAX = 2_147_483_647;
const TEXT_MAX = 2_000;

const errorSchema = z.looseObject({
  code: z.union([z.number(), z.string()]).optional(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.looseObject({ details: z.string().optional() }).optional(),
});

function toCode(value: number | string | undefined): number | null {
  const code = typeof value === "string" && /^-?\d{1,10}$/.test(value) ? Number(value) : value;
  return typeof code === "number" && Number.isInteger(code) && Math.abs(code) <= INT32_MAX ? code : null;
}

const text = (value: string | undefined): string | null => (value ? value.slice(0, TEXT_MAX) : null);

/** Every well-formed error of `raw` (an array, or anything else: then none). */
export function parseMetaErrors(raw: unknown): MetaError[] {
  if (!Array.isArray(raw)) return [];
  const errors: MetaError[] = [];
  for (const item of raw) {
    const parsed = errorSchema.safeParse(item);
    if (!parsed.success) continue;
    const { code, title, message, error_data } = parsed.data;
    errors.push({ code: toCode(code), title: text(title), message: text(message), details: text(error_data?.details) });
  }
  return errors;
}

/** "131047 Re-engagement message" — for notes and logs. */
export function describeMetaError(error: MetaError): string {
  return [error.code ?? "?", error.title ?? error.message ?? ""].join(" ").trim();
}
