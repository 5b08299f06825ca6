/**
 * `message_template_status_update`: the status of the template's row in each workspace on the
 * entry's WABA (template-rows.ts). Meta's reason is kept for REJECTED, PAUSED and DISABLED, and
 * cleared by an approval.
 */
import type { Prisma } from "@/lib/db";
import type { TemplateStatus } from "@/lib/generated/prisma/enums";
import type { TemplateStatusUpdate } from "@/lib/whatsapp/webhook/template-status";
import type { EventWork } from "./outcome";
import type { EventRouting } from "./routing";
import { templateLabel, templateWorkspaces, updateTemplateRows } from "./template-rows";

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
  await updateTemplateRows(tx, workspaceIds, update, data, work);
}
