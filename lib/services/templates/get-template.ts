/** One template for the builder: its row, its draft (stored, or read back from Meta's components) and what may be done with it. */
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/db";
import { tenantDb } from "@/lib/db/tenant";
import { AppError } from "@/lib/errors";
import type { TemplateCategory, TemplateParameterFormat } from "@/lib/generated/prisma/enums";
import type { TemplateDraft } from "@/lib/templates/draft";
import type { TemplateMetaError } from "./meta-refusal";
import { draftOf, TEMPLATE_ROW_SELECT, toTemplateRow, type TemplateRow } from "./shared";
import { editability, type TemplateEditability } from "./rules";

export interface TemplateDetail extends TemplateRow {
  draft: TemplateDraft;
  /** Meta's component array as stored (what was submitted, or what the last sync read). */
  components: Prisma.JsonValue;
  parameterFormat: TemplateParameterFormat;
  previousCategory: TemplateCategory | null;
  qualityUpdatedAt: Date | null;
  /** Meta's last refusal of a submit, edit or delete (cleared by the next success). */
  lastError: TemplateMetaError | null;
  submittedAt: Date | null;
  syncedAt: Date | null;
  editCount: number;
  lastEditedAt: Date | null;
  /** What the builder may offer: save as draft, submit, edit (and whether the category is locked). */
  can: TemplateEditability;
}

export const TEMPLATE_DETAIL_SELECT = {
  ...TEMPLATE_ROW_SELECT,
  components: true,
  parameterFormat: true,
  previousCategory: true,
  qualityUpdatedAt: true,
  lastError: true,
  submittedAt: true,
  syncedAt: true,
  editCount: true,
  lastEditedAt: true,
} as const satisfies Prisma.TemplateSelect;

type DetailRecord = Prisma.TemplateGetPayload<{ select: typeof TEMPLATE_DETAIL_SELECT }>;

export function toTemplateDetail(record: DetailRecord): TemplateDetail {
  return {
    ...toTemplateRow(record),
    draft: draftOf(record),
    components: record.components,
    parameterFormat: record.parameterFormat,
    previousCategory: record.previousCategory,
    qualityUpdatedAt: record.qualityUpdatedAt,
    lastError: (record.lastError as TemplateMetaError | null) ?? null,
    submittedAt: record.submittedAt,
    syncedAt: record.syncedAt,
    editCount: record.editCount,
    lastEditedAt: record.lastEditedAt,
    can: editability(record),
  };
}

export async function getTemplate(ctx: WorkspaceContext, id: string): Promise<TemplateDetail> {
  authorize(ctx, "template:view");
  const record = await tenantDb(ctx).template.findUnique({ where: { id, workspaceId: ctx.workspaceId }, select: TEMPLATE_DETAIL_SELECT });
  if (!record) throw new AppError("not_found", "templateNotFound");
  return toTemplateDetail(record);
}
