/**
 * `message_template_status_update` (entry.id = the WABA id; entry.time set):
 *   { event: "APPROVED" | "REJECTED" | "PENDING" | "PAUSED" | "DISABLED" | …, message_template_id: <number>,
 *     message_template_name, message_template_language, reason, message_template_category?,
 *     other_info?: { title, description } (pauses and disables), … }
 */
import { z } from "zod";

const templateStatusSchema = z.looseObject({
  event: z.string().min(1).max(64),
  message_template_id: z.union([z.number(), z.string().max(64)]).optional(),
  message_template_name: z.string().min(1).max(512).optional(),
  message_template_language: z.string().min(1).max(32).optional(),
  reason: z.string().max(2_000).nullable().optional(),
  // PAUSED and DISABLED carry their explanation here, with `reason` null.
  other_info: z.looseObject({ title: z.string().max(200).optional(), description: z.string().max(2_000).optional() }).nullable().optional(),
});

export interface TemplateStatusUpdate {
  event: string;
  /** Meta's template id as a string (a number in JSON; its digits are kept as parsed). */
  metaId: string | null;
  name: string | null;
  language: string | null;
  /** Meta's reason ("NONE", sent with approvals, becomes null), else other_info's description (pauses). */
  reason: string | null;
}

export type ParsedTemplateStatus = { ok: true; update: TemplateStatusUpdate } | { ok: false; reason: string };

function toMetaId(value: number | string | undefined): string | null {
  if (typeof value === "number") return Number.isSafeInteger(value) && value > 0 ? String(value) : null;
  return value && /^\d{1,64}$/.test(value) ? value : null;
}

export function parseTemplateStatus(raw: unknown): ParsedTemplateStatus {
  const parsed = templateStatusSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `template status ${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}` };
  }
  const v = parsed.data;
  const metaId = toMetaId(v.message_template_id);
  const name = v.message_template_name ?? null;
  const language = v.message_template_language ?? null;
  if (!metaId && !(name && language)) return { ok: false, reason: "template status names no template (no id, name or language)" };
  const reason = (v.reason && v.reason.toUpperCase() !== "NONE" ? v.reason : null) ?? v.other_info?.description ?? null;
  return { ok: true, update: { event: v.event.toUpperCase(), metaId, name, language, reason } };
}
