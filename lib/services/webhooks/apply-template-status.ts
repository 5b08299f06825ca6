/**
 * `message_template_status_update`: the status of the template's row in each workspace on the
 * entry's WABA (template-rows.ts). Meta's reason is kept for REJECTED, PAUSED and DISABLED, and
 * cleared by an approval. A PAUSED or DISABLED template pauses the campaigns sending it (or about
 * to: scheduled), with the reason Meta's send would give (132015 / 132016).
 */
import type { Prisma } from "@/lib/db";
import type { TemplateStatus } from "@/lib/generated/prisma/enums";
import type { TemplateStatusUpdate } from "@/lib/whatsapp/webhook/template-status";
import type { EventWork, UpdatedTemplate } from "./outcome";
import type { EventRouting } from "./routing";
import { templateLabel, templateWorkspaces, updateTemplateRows } from "./template-rows";
import { pausedData, PAUSABLE_STATUSES } from "@/lib/services/campaigns/pause-reason";

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

const WITH_REASON = new Set<TemplateStatus>(["REJECTED", "PAUSED", "DISABLED"]);

/** Meta's send error for a paused (132015) or disabled (132016) template, and our words for it. */
const STOPS: Partial<Record<TemplateStatus, { code: number; message: string }>> = {
  PAUSED: { code: 132015, message: "Meta paused the template" },
  DISABLED: { code: 132016, message: "Meta disabled the template" },
};

/** Pauses the sending and scheduled campaigns of the templates just updated. */
async function pauseCampaigns(
  tx: Prisma.TransactionClient,
  templates: UpdatedTemplate[],
  stop: { code: number; message: string },
  reason: string | null,
  work: EventWork,
): Promise<void> {
  const data = pausedData({ code: stop.code, message: reason ? `${stop.message}: ${reason}` : stop.message });
  for (const { workspaceId, templateId } of templates) {
    const rows = await tx.campaign.updateManyAndReturn({
      where: { workspaceId, templateId, status: { in: [...PAUSABLE_STATUSES] } },
      data,
      select: { id: true },
    });
    for (const row of rows) work.campaigns.add({ workspaceId, campaignId: row.id });
  }
}

export async function applyTemplateStatus(
  tx: Prisma.TransactionClient,
  routing: EventRouting,
  wabaId: string | undefined,
  update: TemplateStatusUpdate,
  work: EventWork,
): Promise<void> {
  const workspaceIds = await templateWorkspaces(routing, wabaId, update, work);
  if (workspaceIds.length === 0) return;
  const status = templateStatusFor(update.event);
  if (!status) {
    work.note(`${templateLabel(update)}: event ${update.event.slice(0, 64)} has no template status: ignored`);
    return;
  }
  const data: Prisma.TemplateUpdateManyMutationInput = {
    status,
    ...(WITH_REASON.has(status) ? { rejectedReason: update.reason } : status === "APPROVED" ? { rejectedReason: null } : {}),
  };
  const before = work.templates.length;
  await updateTemplateRows(tx, workspaceIds, update, data, work);
  const stop = STOPS[status];
  if (stop) await pauseCampaigns(tx, work.templates.slice(before), stop, update.reason, work);
}
