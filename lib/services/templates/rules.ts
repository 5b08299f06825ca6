/**
 * Meta's rules on what may happen to a template in each state, in one place:
 * - a draft (never submitted: no Meta id) is saved and submitted freely;
 * - only APPROVED, REJECTED and PAUSED templates can be edited (POST /{template-id}); the name and
 *   language never change (duplicate into another language instead);
 * - an APPROVED template's category is locked, and it can be edited once per 24 hours (and 10
 *   times in 30 days, which Meta enforces: its refusal is shown);
 * - REJECTED and PAUSED templates can be edited without limit.
 */
import { TemplateStatus as TemplateStatusValues, type TemplateCategory, type TemplateStatus } from "@/lib/generated/prisma/enums";

export const EDITABLE_STATUSES: readonly TemplateStatus[] = ["APPROVED", "REJECTED", "PAUSED"];
export const APPROVED_EDIT_INTERVAL_MS = 24 * 60 * 60 * 1000;

export interface TemplateEditability {
  /** A local draft: save and submit. */
  submit: boolean;
  /** Submitted and in a state Meta lets one edit. */
  edit: boolean;
  /** Editing cannot change the category (approved templates). */
  categoryLocked: boolean;
  /** An approved template edited less than 24 hours ago: when the next edit is allowed. */
  nextEditAt: Date | null;
}

export function isLocalDraft(row: { metaId: string | null; status: TemplateStatus }): boolean {
  return row.metaId === null && row.status === "DRAFT";
}

export function editability(
  row: { metaId: string | null; status: TemplateStatus; lastEditedAt: Date | null },
  now = new Date(),
): TemplateEditability {
  const submit = isLocalDraft(row);
  const edit = row.metaId !== null && EDITABLE_STATUSES.includes(row.status);
  const next = row.status === "APPROVED" && row.lastEditedAt ? new Date(row.lastEditedAt.getTime() + APPROVED_EDIT_INTERVAL_MS) : null;
  return { submit, edit, categoryLocked: row.status === "APPROVED", nextEditAt: next && next > now ? next : null };
}

// Every status of ours but DRAFT (Parley's own) is one Meta sends.
const META_STATUSES = new Set<string>(Object.values(TemplateStatusValues).filter((status) => status !== "DRAFT"));
const META_CATEGORIES = new Set<string>(["MARKETING", "UTILITY", "AUTHENTICATION"]);

/** Meta's status string as ours; null for one we do not model. */
export function statusFromMeta(status: string): Exclude<TemplateStatus, "DRAFT"> | null {
  const upper = status.toUpperCase();
  return META_STATUSES.has(upper) ? (upper as Exclude<TemplateStatus, "DRAFT">) : null;
}

export function categoryFromMeta(category: string | null | undefined): TemplateCategory | null {
  const upper = category?.toUpperCase() ?? "";
  return META_CATEGORIES.has(upper) ? (upper as TemplateCategory) : null;
}
