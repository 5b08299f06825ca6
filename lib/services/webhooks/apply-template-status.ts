/**
 * `message_template_status_update`: the Template row of each workspace holding a connection on the
 * entry's WABA, matched by Meta's template id, else by name + language (then its id is recorded).
 * Templates of workspaces without a connection on that WABA are never touched.
 */
import type { Prisma } from "@/lib/db";
import type { TemplateStatus } from "@/lib/generated/prisma/enums";
import type { TemplateStatusUpdate } from "@/lib/whatsapp/webhook/template-status";
import type { EventWork } from "./outcome";
import type { EventRouting } from "./routing";

/** Meta's `event` → our status; null for events that carry no status of ours (FLAGGED, ARCHIVED, …). */
export function templateStatusFor(event: string): TemplateStatus | null {
  switch (event) {
    case "APPROVED":
    case "REINSTATED":
      return "APPROVED";
    case "REJECTED":
    case "PENDING":
    case "PAUSED":
    case "DISABLED":
    case "IN_APPEAL":
    case "PENDING_DELETION":
    case "DELETED":
    case "LIMIT_EXCEEDED":
      return event;
    default:
      return null;
  }
}

export async function applyTemplateStatus(
  tx: Prisma.TransactionClient,
  routing: EventRouting,
  wabaId: string | undefined,
  update: TemplateStatusUpdate,
  work: EventWork,
): Promise<void> {
  const label = `template ${update.metaId ?? `${update.name}/${update.language}`}`;
  const workspaceIds = wabaId ? await routing.byWabaId(wabaId) : [];
  if (workspaceIds.length === 0) {
    work.note(`${label}: unknown WABA ${wabaId ?? "(none)"}: ignored`);
    return;
  }
  const status = templateStatusFor(update.event);
  if (!status) {
    work.note(`${label}: event ${update.event.slice(0, 64)} has no template status: ignored`);
    return;
  }
  const data: Prisma.TemplateUpdateManyMutationInput = {
    status,
    ...(status === "REJECTED" ? { rejectedReason: update.reason } : status === "APPROVED" ? { rejectedReason: null } : {}),
  };

  let updated = 0;
  const select = { id: true } as const;
  for (const workspaceId of workspaceIds) {
    let rows = update.metaId ? await tx.template.updateManyAndReturn({ where: { workspaceId, metaId: update.metaId }, data, select }) : [];
    if (rows.length === 0 && update.name && update.language) {
      const byName = { workspaceId, name: update.name, language: update.language };
      rows = await tx.template.updateManyAndReturn({
        where: byName,
        data: { ...data, ...(update.metaId ? { metaId: update.metaId } : {}) },
        select,
      });
    }
    updated += rows.length;
    // Their ids, for the real-time `template.updated` sent once the event commits.
    for (const row of rows) work.templates.push({ workspaceId, templateId: row.id, status });
  }
  if (updated === 0) work.note(`${label}: no such template in the WABA's workspaces: ignored`);
  work.templatesUpdated += updated;
}
