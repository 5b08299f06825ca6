/**
 * The checks before a launch: the template is approved, every variable it needs is mapped, the
 * number is connected and not RED, someone is left to send to, and the sends fit Meta's messaging
 * limit (unique users outside a window per 24 h). The frequency cap and suppressions only inform.
 * launchCampaign runs the same checks and refuses on a blocking failure.
 */
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { tenantDb } from "@/lib/db/tenant";
import { storedAudience } from "@/lib/campaigns/audience";
import { storedMapping, type VariableMapping } from "@/lib/campaigns/mapping";
import { templateVariables } from "@/lib/services/inbox/template-variables";
import { countAudience } from "./audience";
import { findCampaign } from "./shared";
import type { Preflight, PreflightCheck, PreflightCode } from "./types";

/** Meta's messaging limit tiers: unique users outside a customer-service window per rolling 24 h. */
export const MESSAGING_LIMITS: Record<string, number> = {
  TIER_250: 250,
  TIER_2K: 2_000,
  TIER_10K: 10_000,
  TIER_100K: 100_000,
  TIER_UNLIMITED: Number.POSITIVE_INFINITY,
};

const DAY_MS = 24 * 3_600_000;

/** The template's variable keys the mapping leaves without a usable source (a media header needs "media"). */
export function unmappedVariables(components: unknown, mapping: VariableMapping): string[] {
  return templateVariables(components)
    .filter((variable) => {
      const source = mapping[variable.key];
      if (!source) return true;
      return variable.kind === "media" ? source.source !== "media" : source.source === "media";
    })
    .map((variable) => variable.key);
}

/** The launch's refusal for each blocking check (errors.<key>). */
export const CHECK_ERRORS: Record<PreflightCode, string> = {
  templateApproved: "campaignTemplateNotApproved",
  variablesMapped: "campaignVariablesUnmapped",
  numberConnected: "campaignNumberMissing",
  numberQuality: "campaignNumberQualityRed",
  audienceNotEmpty: "campaignAudienceEmpty",
  messagingLimit: "campaignOverMessagingLimit",
  frequencyCap: "campaignFrequencyCapped",
  suppression: "campaignSuppressed",
};

export async function preflightCampaign(ctx: WorkspaceContext, campaignId: string): Promise<Preflight> {
  authorize(ctx, "campaign:view");
  const db = tenantDb(ctx);
  const now = new Date();
  const campaign = await findCampaign(db, campaignId, {
    id: true,
    audience: true,
    variableMapping: true,
    templateId: true,
    template: { select: { status: true, components: true } },
    connection: { select: { id: true, qualityRating: true, messagingLimitTier: true } },
  });
  const count = await countAudience(ctx, { audience: storedAudience(campaign.audience), templateId: campaign.templateId, campaignId: campaign.id });
  const checks: PreflightCheck[] = [];
  const { template, connection } = campaign;

  checks.push({ code: "templateApproved", ok: template?.status === "APPROVED", blocking: true, params: { status: template?.status ?? "" } });
  const unmapped = template ? unmappedVariables(template.components, storedMapping(campaign.variableMapping)) : [];
  checks.push({ code: "variablesMapped", ok: template !== null && unmapped.length === 0, blocking: true, params: { missing: unmapped.join(", "), count: unmapped.length } });
  checks.push({ code: "numberConnected", ok: connection !== null, blocking: true });
  checks.push({ code: "numberQuality", ok: connection !== null && connection.qualityRating !== "RED", blocking: true, params: { quality: connection?.qualityRating ?? "UNKNOWN" } });
  checks.push({ code: "audienceNotEmpty", ok: count.eligible > 0, blocking: true, params: { eligible: count.eligible } });

  const limit = connection?.messagingLimitTier ? MESSAGING_LIMITS[connection.messagingLimitTier] : undefined;
  if (limit === undefined) checks.push({ code: "messagingLimit", ok: true, blocking: true, params: { tier: connection?.messagingLimitTier ?? "" } });
  else {
    // Contacts the workspace's campaigns reached in the last 24 h: an approximation of the users
    // already counted against the limit (each may have been inside a window).
    const recent = await db.campaignRecipient.findMany({
      where: { workspaceId: ctx.workspaceId, sentAt: { gt: new Date(now.getTime() - DAY_MS) } },
      distinct: ["contactId"],
      select: { contactId: true },
    });
    const needed = count.outsideWindow + recent.length;
    checks.push({
      code: "messagingLimit",
      ok: needed <= limit,
      blocking: true,
      params: { needed, recent: recent.length, tier: connection!.messagingLimitTier!, ...(Number.isFinite(limit) ? { limit } : {}) },
    });
  }

  const capped = count.excluded.frequency_capped;
  checks.push({ code: "frequencyCap", ok: capped === 0, blocking: false, params: { count: capped } });
  const suppressed = count.excluded.suppressed + count.excluded.opted_out;
  checks.push({ code: "suppression", ok: suppressed === 0, blocking: false, params: { count: suppressed, suppressed: count.excluded.suppressed, optedOut: count.excluded.opted_out } });

  return { checks, canLaunch: checks.every((check) => check.ok || !check.blocking), count };
}
