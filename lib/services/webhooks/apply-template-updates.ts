/**
 * `message_template_quality_update` → the row's qualityScore (+ when); `template_category_update`
 * → its category, the one before kept in previousCategory. An impending category change (Meta's
 * notice that it will re-categorise) changes nothing yet and is noted; the completed change
 * follows with its own webhook. Rows are found like status updates (template-rows.ts).
 */
import type { Prisma } from "@/lib/db";
import type { TemplateCategory, TemplateQuality } from "@/lib/generated/prisma/enums";
import type { TemplateCategoryUpdate, TemplateQualityUpdate } from "@/lib/whatsapp/webhook/template-updates";
import type { EventWork } from "./outcome";
import type { EventRouting } from "./routing";
import { templateLabel, templateWorkspaces, updateTemplateRows } from "./template-rows";

const QUALITIES = new Set<string>(["GREEN", "YELLOW", "RED", "UNKNOWN"]);
const CATEGORIES = new Set<string>(["MARKETING", "UTILITY", "AUTHENTICATION"]);

export async function applyTemplateQuality(
  tx: Prisma.TransactionClient,
  routing: EventRouting,
  wabaId: string | undefined,
  update: TemplateQualityUpdate,
  work: EventWork,
  receivedAt: Date,
): Promise<void> {
  const workspaceIds = await templateWorkspaces(routing, wabaId, update, work);
  if (workspaceIds.length === 0) return;
  // A score Meta may add later reads as UNKNOWN rather than being dropped: the change itself is news.
  const score = (QUALITIES.has(update.score) ? update.score : "UNKNOWN") as TemplateQuality;
  await updateTemplateRows(tx, workspaceIds, update, { qualityScore: score, qualityUpdatedAt: receivedAt }, work);
}

export async function applyTemplateCategory(
  tx: Prisma.TransactionClient,
  routing: EventRouting,
  wabaId: string | undefined,
  update: TemplateCategoryUpdate,
  work: EventWork,
): Promise<void> {
  const label = templateLabel(update);
  if (update.upcoming) {
    const when = update.upcoming.at ? ` on ${new Date(update.upcoming.at).toISOString()}` : "";
    work.note(`${label}: Meta will re-categorise it as ${update.upcoming.category.slice(0, 32)}${when}: nothing changed yet`);
    return;
  }
  if (!CATEGORIES.has(update.category)) {
    work.note(`${label}: category ${update.category.slice(0, 32)} is not one Parley models: ignored`);
    return;
  }
  const workspaceIds = await templateWorkspaces(routing, wabaId, update, work);
  if (workspaceIds.length === 0) return;
  const previous =
    update.previousCategory && CATEGORIES.has(update.previousCategory) ? (update.previousCategory as TemplateCategory) : null;
  await updateTemplateRows(tx, workspaceIds, update, { category: update.category as TemplateCategory, previousCategory: previous }, work);
}
