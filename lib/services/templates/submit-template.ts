/**
 * Submits a template to Meta (POST /{waba}/message_templates) from the builder's draft:
 * 1. the server's lint (lint-gate.ts): any error stops here, nothing is sent;
 * 2. the draft is saved first (a new row, or the local draft being submitted), so the user's work
 *    is kept whatever Meta answers, and name + language are reserved in the workspace;
 * 3. Meta's answer: the row becomes PENDING (or what Meta said: APPROVED, REJECTED) with Meta's id,
 *    the category Meta settled on, and the components sent; Meta's refusal stays on the draft as
 *    `lastError` and reaches the user with Meta's code and text.
 */
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { Prisma } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { tenantDb } from "@/lib/db/tenant";
import { AppError, Conflict, Invalid } from "@/lib/errors";
import type { LintProblem } from "@/lib/templates/lint";
import { draftToDefinition } from "@/lib/templates/components";
import { clientForConnection } from "@/lib/services/whatsapp/client-for";
import { connectionForWorkspace } from "@/lib/services/whatsapp/connection-secrets";
import type { TemplateDraftInput } from "@/lib/templates/draft";
import type { TemplateDefinition } from "@/lib/whatsapp/templates/definition";
import { TEMPLATE_DETAIL_SELECT, toTemplateDetail, type TemplateDetail } from "./get-template";
import { assertLintClean } from "./lint-gate";
import { classifyTemplateCallError } from "./meta-refusal";
import { categoryFromMeta, isLocalDraft, statusFromMeta } from "./rules";
import { draftColumns, nameTaken, normalisedDraft } from "./save-draft";
import { existingTemplates, publishTemplate } from "./shared";

export interface SubmitInput {
  /** The local draft being submitted; absent to submit straight from a new builder. */
  id?: string;
  draft: TemplateDraftInput;
}

export interface SubmitResult {
  template: TemplateDetail;
  /** The lint's warnings (they never block). */
  warnings: LintProblem[];
}

export async function submitTemplate(ctx: WorkspaceContext, input: SubmitInput): Promise<SubmitResult> {
  authorize(ctx, "template:manage");
  const draft = normalisedDraft(input.draft);
  const db = tenantDb(ctx);
  if (input.id) {
    const current = await db.template.findUnique({
      where: { id: input.id, workspaceId: ctx.workspaceId },
      select: { metaId: true, status: true },
    });
    if (!current) throw new AppError("not_found", "templateNotFound");
    if (!isLocalDraft(current)) throw Conflict("templateNotDraft");
  }
  const warnings = assertLintClean(draft, { existing: await existingTemplates(db), selfId: input.id });
  const connection = await connectionForWorkspace(ctx.workspaceId);
  if (!connection) throw Invalid("notConnected");

  let id: string;
  try {
    const saved = input.id
      ? await db.template.update({ where: { id: input.id, workspaceId: ctx.workspaceId }, data: draftColumns(draft), select: { id: true } })
      : await db.template.create({ data: { workspaceId: ctx.workspaceId, status: "DRAFT", ...draftColumns(draft) }, select: { id: true } });
    id = saved.id;
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(draft);
    throw error;
  }

  const definition = draftToDefinition(draft);
  let created;
  try {
    // The lint checked what Meta checks; the client's schema checks the shape once more.
    created = await clientForConnection(connection).createTemplate(definition as unknown as TemplateDefinition);
  } catch (error) {
    const { stored, error: thrown } = classifyTemplateCallError(error);
    if (stored) {
      const row = await db.template.update({
        where: { id, workspaceId: ctx.workspaceId },
        data: { lastError: stored as unknown as Prisma.InputJsonValue },
        select: { id: true, status: true },
      });
      await publishTemplate(ctx, row);
    }
    // A new builder's draft now has a row of its own: the error names it, so the builder goes on
    // from that draft (a second submit would otherwise clash with its own name).
    if (!input.id && thrown instanceof AppError) {
      throw new AppError(thrown.code, thrown.messageKey, { params: { ...thrown.params, templateId: id }, field: thrown.field, cause: thrown });
    }
    throw thrown;
  }

  const now = new Date();
  const status = statusFromMeta(created.status) ?? "PENDING";
  // With allow_category_change Meta may settle on another category than the one asked for.
  const category = categoryFromMeta(created.category) ?? draft.category;
  const template = await db.template.update({
    where: { id, workspaceId: ctx.workspaceId },
    data: {
      status,
      category,
      previousCategory: category === draft.category ? null : draft.category,
      metaId: created.id,
      connectionId: connection.id,
      components: definition.components as unknown as Prisma.InputJsonValue,
      submittedAt: now,
      lastError: Prisma.DbNull,
      rejectedReason: null,
    },
    select: TEMPLATE_DETAIL_SELECT,
  });
  await publishTemplate(ctx, template);
  return { template: toTemplateDetail(template), warnings };
}
