/**
 * What the template services share: the row as the page lists it, the builder's draft of a row,
 * the `template.updated` signal, and the lint context (the workspace's other templates).
 */
import type { WorkspaceContext } from "@/lib/auth/context";
import type { Prisma } from "@/lib/db";
import type { TenantDb } from "@/lib/db/tenant";
import type { TemplateCategory, TemplateQuality, TemplateStatus } from "@/lib/generated/prisma/enums";
import { publishToWorkspace } from "@/lib/realtime/publish";
import { componentsToDraft, draftToDefinition } from "@/lib/templates/components";
import { templateDraftSchema, type TemplateDraft } from "@/lib/templates/draft";

export const TEMPLATE_ROW_SELECT = {
  id: true,
  name: true,
  language: true,
  category: true,
  status: true,
  rejectedReason: true,
  qualityScore: true,
  updatedAt: true,
  metaId: true,
  draft: true,
} as const satisfies Prisma.TemplateSelect;

export interface TemplateRow {
  id: string;
  name: string;
  language: string;
  category: TemplateCategory;
  status: TemplateStatus;
  /** Meta's reason when REJECTED, PAUSED or DISABLED. */
  rejectedReason: string | null;
  qualityScore: TemplateQuality | null;
  updatedAt: Date;
  /** Meta's template id; null for a draft never submitted. */
  metaId: string | null;
  /** The builder's draft is stored: made or edited in Parley (else read back from Meta's components). */
  hasDraft: boolean;
}

type RowRecord = Prisma.TemplateGetPayload<{ select: typeof TEMPLATE_ROW_SELECT }>;

export function toTemplateRow(record: RowRecord): TemplateRow {
  const { draft, ...rest } = record;
  return { ...rest, hasDraft: draft !== null };
}

/** The builder's draft of a row: the stored one when it still reads, else Meta's components read back. */
export function draftOf(record: {
  name: string;
  language: string;
  category: string;
  parameterFormat: string;
  components: Prisma.JsonValue;
  draft: Prisma.JsonValue;
}): TemplateDraft {
  if (record.draft !== null) {
    const stored = templateDraftSchema.safeParse(record.draft);
    if (stored.success) return { ...stored.data, name: record.name, language: record.language };
  }
  return componentsToDraft({
    name: record.name,
    language: record.language,
    category: record.category,
    parameterFormat: record.parameterFormat,
    components: record.components,
  });
}

/** Meta's components of a draft, for the `components` column (never throws: a half-written draft gives what it has). */
export function componentsOf(draft: TemplateDraft): Prisma.InputJsonValue {
  return draftToDefinition(draft).components as unknown as Prisma.InputJsonValue;
}

/** Every template's name + language in the workspace, for the lint's uniqueness rule. */
export async function existingTemplates(db: TenantDb): Promise<Array<{ id: string; name: string; language: string }>> {
  return db.template.findMany({ select: { id: true, name: true, language: true } });
}

export async function publishTemplate(
  ctx: Pick<WorkspaceContext, "workspaceId">,
  row: { id: string; status: string; qualityScore?: string | null; category?: string },
): Promise<void> {
  await publishToWorkspace(ctx.workspaceId, "template.updated", {
    templateId: row.id,
    status: row.status,
    qualityScore: row.qualityScore,
    category: row.category,
    at: new Date().toISOString(),
  });
}
