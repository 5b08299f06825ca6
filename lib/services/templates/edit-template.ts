/**
 * Edits a submitted template on Meta (POST /{template-id}) from the builder's draft, where Meta
 * allows it (rules.ts): APPROVED, REJECTED or PAUSED; same name and language; an approved
 * template keeps its category and is edited at most once per 24 hours. The lint runs first, as
 * for a submit. Meta puts the edited template back into review: the row becomes PENDING with the
 * new components and draft; Meta's refusal is kept as `lastError` and shown with its code.
 */
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { Prisma } from "@/lib/db";
import { tenantDb } from "@/lib/db/tenant";
import { AppError, Conflict, Invalid } from "@/lib/errors";
import { clientForConnection } from "@/lib/services/whatsapp/client-for";
import { connectionForWorkspace } from "@/lib/services/whatsapp/connection-secrets";
import { draftToDefinition } from "@/lib/templates/components";
import type { TemplateDraftInput } from "@/lib/templates/draft";
import type { EditTemplateInput as GraphEdit } from "@/lib/whatsapp/templates/api";
import { TEMPLATE_DETAIL_SELECT, toTemplateDetail } from "./get-template";
import { assertLintClean } from "./lint-gate";
import { classifyTemplateCallError } from "./meta-refusal";
import { editability } from "./rules";
import { normalisedDraft } from "./save-draft";
import { existingTemplates, publishTemplate } from "./shared";
import type { SubmitResult } from "./submit-template";

export interface EditInput {
  id: string;
  draft: TemplateDraftInput;
}

export async function editTemplate(ctx: WorkspaceContext, input: EditInput): Promise<SubmitResult> {
  authorize(ctx, "template:manage");
  const draft = normalisedDraft(input.draft);
  const db = tenantDb(ctx);
  const current = await db.template.findUnique({
    where: { id: input.id, workspaceId: ctx.workspaceId },
    select: { id: true, name: true, language: true, category: true, status: true, metaId: true, lastEditedAt: true },
  });
  if (!current) throw new AppError("not_found", "templateNotFound");
  const can = editability(current);
  if (!can.edit || !current.metaId) throw Conflict("templateNotEditable", { params: { status: current.status } });
  if (draft.name !== current.name) throw Invalid("templateRenameNotAllowed", { field: "name" });
  if (draft.language !== current.language) throw Invalid("templateRenameNotAllowed", { field: "language" });
  if (can.categoryLocked && draft.category !== current.category) throw Invalid("templateCategoryLocked", { field: "category" });
  if (can.nextEditAt) {
    const hours = Math.ceil((can.nextEditAt.getTime() - Date.now()) / 3_600_000);
    throw Conflict("templateEditTooSoon", { params: { hours } });
  }
  const warnings = assertLintClean(draft, { existing: await existingTemplates(db), selfId: current.id });
  const connection = await connectionForWorkspace(ctx.workspaceId);
  if (!connection) throw Invalid("notConnected");

  const definition = draftToDefinition(draft);
  const edit: GraphEdit = {
    components: definition.components as unknown as NonNullable<GraphEdit["components"]>,
    // Sent only when it changes: Meta refuses any category on an approved template.
    ...(draft.category !== current.category ? { category: draft.category } : {}),
  };
  try {
    await clientForConnection(connection).editTemplate(current.metaId, edit);
  } catch (error) {
    const { stored, error: thrown } = classifyTemplateCallError(error);
    if (stored) {
      const row = await db.template.update({
        where: { id: current.id, workspaceId: ctx.workspaceId },
        data: { lastError: stored as unknown as Prisma.InputJsonValue },
        select: { id: true, status: true },
      });
      await publishTemplate(ctx, row);
    }
    throw thrown;
  }

  const now = new Date();
  const template = await db.template.update({
    where: { id: current.id, workspaceId: ctx.workspaceId },
    data: {
      status: "PENDING",
      category: draft.category,
      parameterFormat: draft.parameterFormat,
      components: definition.components as unknown as Prisma.InputJsonValue,
      draft: draft as unknown as Prisma.InputJsonValue,
      lastError: Prisma.DbNull,
      rejectedReason: null,
      // Meta's limits count edits of approved templates only (rejected and paused ones: unlimited).
      ...(current.status === "APPROVED" ? { editCount: { increment: 1 }, lastEditedAt: now } : {}),
    },
    select: TEMPLATE_DETAIL_SELECT,
  });
  await publishTemplate(ctx, template);
  return { template: toTemplateDetail(template), warnings };
}
