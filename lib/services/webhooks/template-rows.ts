/**
 * The Template rows one template webhook is about: in each workspace holding a connection on the
 * entry's WABA, the row with Meta's template id, else the one with the name + language (whose id
 * is then recorded). Templates of workspaces without a connection on that WABA are never touched.
 * Shared by the status, quality and category updates.
 */
import type { Prisma } from "@/lib/db";
import type { TemplateRef } from "@/lib/whatsapp/webhook/template-updates";
import type { EventWork, UpdatedTemplate } from "./outcome";
import type { EventRouting } from "./routing";

export function templateLabel(ref: TemplateRef): string {
  return `template ${ref.metaId ?? `${ref.name}/${ref.language}`}`;
}

/** The WABA's workspaces, or none (noted) when no workspace holds that WABA. */
export async function templateWorkspaces(
  routing: EventRouting,
  wabaId: string | undefined,
  ref: TemplateRef,
  work: EventWork,
): Promise<string[]> {
  const workspaceIds = wabaId ? await routing.byWabaId(wabaId) : [];
  if (workspaceIds.length === 0) work.note(`${templateLabel(ref)}: unknown WABA ${wabaId ?? "(none)"}: ignored`);
  return workspaceIds;
}

/**
 * Applies `data` to the matching rows of every workspace and queues their `template.updated`
 * signals (sent once the event commits). Returns how many rows changed.
 */
export async function updateTemplateRows(
  tx: Prisma.TransactionClient,
  workspaceIds: string[],
  ref: TemplateRef,
  data: Prisma.TemplateUpdateManyMutationInput,
  work: EventWork,
): Promise<number> {
  let updated = 0;
  const select = { id: true, status: true, qualityScore: true, category: true } as const;
  for (const workspaceId of workspaceIds) {
    let rows = ref.metaId ? await tx.template.updateManyAndReturn({ where: { workspaceId, metaId: ref.metaId }, data, select }) : [];
    if (rows.length === 0 && ref.name && ref.language) {
      rows = await tx.template.updateManyAndReturn({
        where: { workspaceId, name: ref.name, language: ref.language },
        data: { ...data, ...(ref.metaId ? { metaId: ref.metaId } : {}) },
        select,
      });
    }
    updated += rows.length;
    for (const row of rows) {
      const signal: UpdatedTemplate = {
        workspaceId,
        templateId: row.id,
        status: row.status,
        qualityScore: row.qualityScore,
        category: row.category,
      };
      work.templates.push(signal);
    }
  }
  if (updated === 0) work.note(`${templateLabel(ref)}: no such template in the WABA's workspaces: ignored`);
  work.templatesUpdated += updated;
  return updated;
}
