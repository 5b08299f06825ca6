/**
 * Duplicates a template into another language: a new DRAFT with the same name, category and
 * content (texts stay as they are, to be translated in the builder), never sent to Meta until
 * submitted. Name + language must be free in the workspace.
 */
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { isUniqueViolation } from "@/lib/db/errors";
import { tenantDb } from "@/lib/db/tenant";
import { AppError, Invalid } from "@/lib/errors";
import { isTemplateLanguage } from "@/lib/templates/languages";
import { TEMPLATE_DETAIL_SELECT, toTemplateDetail, type TemplateDetail } from "./get-template";
import { draftColumns, nameTaken } from "./save-draft";
import { draftOf, publishTemplate } from "./shared";

export interface DuplicateInput {
  id: string;
  /** Meta's language code of the copy (lib/templates/languages.ts). */
  language: string;
}

export async function duplicateTemplate(ctx: WorkspaceContext, input: DuplicateInput): Promise<TemplateDetail> {
  authorize(ctx, "template:manage");
  if (!isTemplateLanguage(input.language))
    throw Invalid("templateLanguageUnsupported", { field: "language", params: { language: input.language } });
  const db = tenantDb(ctx);
  const source = await db.template.findUnique({
    where: { id: input.id, workspaceId: ctx.workspaceId },
    select: { name: true, language: true, category: true, parameterFormat: true, components: true, draft: true },
  });
  if (!source) throw new AppError("not_found", "templateNotFound");
  const draft = { ...draftOf(source), language: input.language };
  if (input.language === source.language) throw nameTaken(draft);
  try {
    const copy = await db.template.create({
      data: { workspaceId: ctx.workspaceId, status: "DRAFT", ...draftColumns(draft) },
      select: TEMPLATE_DETAIL_SELECT,
    });
    await publishTemplate(ctx, copy);
    return toTemplateDetail(copy);
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(draft);
    throw error;
  }
}
