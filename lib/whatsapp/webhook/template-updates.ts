/**
 * The two template webhooks besides the status update (entry.id = the WABA id):
 *
 * `message_template_quality_update`:
 *   { previous_quality_score: "GREEN", new_quality_score: "YELLOW" | "RED" | "UNKNOWN" | …,
 *     message_template_id, message_template_name, message_template_language }
 *
 * `template_category_update`, in two variants:
 *   done:      { message_template_id, …_name, …_language, previous_category, new_category }
 *   impending: { message_template_id, …_name, …_language, correct_category, new_category (= the
 *                current one), category_update_timestamp } — nothing has changed yet.
 *
 * Both name their template like the status update (id, else name + language); see
 * template-status.ts for that part.
 */
import { z } from "zod";

const templateRef = {
  message_template_id: z.union([z.number(), z.string().max(64)]).optional(),
  message_template_name: z.string().min(1).max(512).optional(),
  message_template_language: z.string().min(1).max(32).optional(),
};
const label = z.string().min(1).max(64);

export interface TemplateRef {
  /** Meta's template id as a string. */
  metaId: string | null;
  name: string | null;
  language: string | null;
}

export interface TemplateQualityUpdate extends TemplateRef {
  /** Upper-case, as Meta sends it: GREEN, YELLOW, RED, UNKNOWN (others are kept for the caller to judge). */
  score: string;
  previousScore: string | null;
}

export interface TemplateCategoryUpdate extends TemplateRef {
  /** The category after the change (for an impending change: the current one). */
  category: string;
  previousCategory: string | null;
  /** Impending change only: the category Meta will move the template to, and when (ms). */
  upcoming: { category: string; at: number | null } | null;
}

export type Parsed<T> = { ok: true; update: T } | { ok: false; reason: string };

function toMetaId(value: number | string | undefined): string | null {
  if (typeof value === "number") return Number.isSafeInteger(value) && value > 0 ? String(value) : null;
  return value && /^\d{1,64}$/.test(value) ? value : null;
}

function refOf(
  what: string,
  value: { message_template_id?: number | string; message_template_name?: string; message_template_language?: string },
): TemplateRef | string {
  const ref = {
    metaId: toMetaId(value.message_template_id),
    name: value.message_template_name ?? null,
    language: value.message_template_language ?? null,
  };
  return ref.metaId || (ref.name && ref.language) ? ref : `${what} names no template (no id, name or language)`;
}

function firstIssue(what: string, error: z.ZodError): string {
  const issue = error.issues[0];
  return `${what} ${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}`;
}

const qualitySchema = z.looseObject({ ...templateRef, new_quality_score: label, previous_quality_score: label.nullable().optional() });

export function parseTemplateQuality(raw: unknown): Parsed<TemplateQualityUpdate> {
  const parsed = qualitySchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: firstIssue("template quality", parsed.error) };
  const ref = refOf("template quality", parsed.data);
  if (typeof ref === "string") return { ok: false, reason: ref };
  return {
    ok: true,
    update: {
      ...ref,
      score: parsed.data.new_quality_score.toUpperCase(),
      previousScore: parsed.data.previous_quality_score?.toUpperCase() ?? null,
    },
  };
}

const categorySchema = z.looseObject({
  ...templateRef,
  new_category: label,
  previous_category: label.nullable().optional(),
  correct_category: label.nullable().optional(),
  category_update_timestamp: z.number().nullable().optional(),
});

export function parseTemplateCategory(raw: unknown): Parsed<TemplateCategoryUpdate> {
  const parsed = categorySchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: firstIssue("template category", parsed.error) };
  const ref = refOf("template category", parsed.data);
  if (typeof ref === "string") return { ok: false, reason: ref };
  const v = parsed.data;
  const upcoming = v.correct_category
    ? { category: v.correct_category.toUpperCase(), at: v.category_update_timestamp ? v.category_update_timestamp * 1000 : null }
    : null;
  return {
    ok: true,
    update: { ...ref, category: v.new_category.toUpperCase(), previousCategory: v.previous_category?.toUpperCase() ?? null, upcoming },
  };
}
