/**
 * Saves the builder's work as a DRAFT: stored in Parley only, never sent to Meta. A new draft needs
 * a name (name + language are unique in the workspace); a draft may be half-written, the lint
 * judges it only on submit. Only local drafts are saved this way: a submitted template changes
 * through editTemplate.
 */
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/db";
import { prismaErrorCode } from "@/lib/db/errors";
import { tenantDb } from "@/lib/db/tenant";
import { AppError, Conflict, Invalid } from "@/lib/errors";
import { templateDraftSchema, type TemplateDraft, type TemplateDraftInput } from "@/lib/templates/draft";
import { TEMPLATE_DETAIL_SELECT, toTemplateDetail, type TemplateDetail } from "./get-template";
import { isLocalDraft } from "./rules";
import { componentsOf, publishTemplate } from "./shared";

export interface SaveDraftInput {
  /** The draft being saved again; absent for a new one. */
  id?: string;
  draft: TemplateDraftInput;
}

/** The draft as stored: trimmed name and language (the columns), the rest as the builder holds it. */
export function normalisedDraft(input: TemplateDraftInput): TemplateDraft {
  const parsed = templateDraftSchema.safeParse(input);
  if (!parsed.success) throw Invalid("invalidInput");
  const draft = parsed.data;
  const name = draft.name.trim();
  const language = draft.language.trim();
  if (!name) throw Invalid("templateNameRequired", { field: "name" });
  if (!language) throw Invalid("templateLanguageRequired", { field: "language" });
  return { ...draft, name, language };
}

export function nameTaken(draft: { name: string; language: string }): AppError {
  return Conflict("templateNameTaken", { params: { name: draft.name, language: draft.language }, field: "name" });
}

/** The columns a draft sets (status aside). */
export function draftColumns(draft: TemplateDraft) {
  return {
    name: draft.name,
    language: draft.language,
    category: draft.category,
    parameterFormat: draft.parameterFormat,
    components: componentsOf(draft),
    draft: draft as unknown as Prisma.InputJsonValue,
  };
}

export async function saveTemplateDraft(ctx: WorkspaceContext, input: SaveDraftInput): Promise<TemplateDetail> {
  authorize(ctx, "template:manage");
  const draft = normalisedDraft(input.draft);
  const db = tenantDb(ctx);
  try {
    let saved;
    if (input.id) {
      const current = await db.template.findUnique({
        where: { id: input.id, workspaceId: ctx.workspaceId },
        select: { metaId: true, status: true },
      });
      if (!current) throw new AppError("not_found", "templateNotFound");
      if (!isLocalDraft(current)) throw Conflict("templateNotDraft");
      saved = await db.template.update({
        where: { id: input.id, workspaceId: ctx.workspaceId },
        data: draftColumns(draft),
        select: TEMPLATE_DETAIL_SELECT,
      });
    } else {
      saved = await db.template.create({
        data: { workspaceId: ctx.workspaceId, status: "DRAFT", ...draftColumns(draft) },
        select: TEMPLATE_DETAIL_SELECT,
      });
    }
    await publishTemplate(ctx, saved);
    return toTemplateDetail(saved);
  } catch (error) {
    // The unique (workspace, name, language) index: another template, draft or not, has them.
    if (prismaErrorCode(error) === "P2002") throw nameTaken(draft);
    throw error;
  }
}
