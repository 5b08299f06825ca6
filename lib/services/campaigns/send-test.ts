/**
 * "Send a test": one message of the campaign's template to a number the member types (their own
 * phone), with every contact value at its fallback, through the campaign's number. Not a
 * recipient, not counted, not in any conversation.
 */
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { tenantDb } from "@/lib/db/tenant";
import { AppError, Conflict, Invalid } from "@/lib/errors";
import { resolveVariables, storedMapping } from "@/lib/campaigns/mapping";
import { buildTemplateSend } from "@/lib/services/inbox/template-send";
import { workspaceMediaResolver } from "@/lib/services/media/outbound/media-resolver";
import { consumeSendAllowance } from "@/lib/services/inbox/send-allowance";
import { connectionById } from "@/lib/services/whatsapp/connection-secrets";
import { clientForConnection } from "@/lib/services/whatsapp/client-for";
import { CHECK_ERRORS, unmappedVariables } from "./preflight";
import { EMPTY_CONTACT } from "./preview-message";
import { findCampaign } from "./shared";

export const E164 = /^\+[1-9]\d{6,14}$/;

export async function sendCampaignTest(ctx: WorkspaceContext, input: { campaignId: string; to: string }): Promise<void> {
  authorize(ctx, "campaign:launch");
  const to = input.to.trim();
  if (!E164.test(to)) throw Invalid("campaignTestNumberInvalid", { field: "to" });
  const db = tenantDb(ctx);
  const campaign = await findCampaign(db, input.campaignId, {
    id: true,
    variableMapping: true,
    connectionId: true,
    template: { select: { name: true, language: true, status: true, components: true } },
  });
  const { template } = campaign;
  if (template?.status !== "APPROVED") throw Conflict(CHECK_ERRORS.templateApproved, { params: { status: template?.status ?? "" } });
  const mapping = storedMapping(campaign.variableMapping);
  const unmapped = unmappedVariables(template.components, mapping);
  if (unmapped.length > 0) throw Conflict(CHECK_ERRORS.variablesMapped, { params: { missing: unmapped.join(", "), count: unmapped.length } });
  const connection = campaign.connectionId ? await connectionById(ctx.workspaceId, campaign.connectionId) : null;
  if (!connection) throw Conflict(CHECK_ERRORS.numberConnected);
  await consumeSendAllowance(ctx);

  const values = resolveVariables(mapping, EMPTY_CONTACT);
  const { send } = await buildTemplateSend(template, values, workspaceMediaResolver(ctx));
  try {
    await clientForConnection(connection).sendTemplate(to.replace(/[^\d]/g, ""), send);
  } catch (error) {
    throw new AppError("invalid", "campaignTestFailed", { cause: error, params: { detail: error instanceof Error ? error.message.slice(0, 200) : "" } });
  }
}
