/**
 * The launch task's body: the campaign's recipients materialised in ONE set-based statement
 * (INSERT … SELECT over the audience's contacts, each row queued or skipped with its reason by the
 * same rule the builder counted with), the counters set from what was written, then the send task
 * queued. Safe to run again: a crash before the commit leaves nothing, the unique (campaign,
 * contact) pair makes a second insert a no-op, and the send task's idempotency key is the plan's.
 * A launch queued for an older plan (rescheduled or cancelled since: `launchVersion` moved) stops.
 */
import { type Prisma, prisma } from "@/lib/db";
import { sqlName, sqlTimestamp } from "@/lib/services/webhooks/sql";
import { tenantDb, type TenantScope } from "@/lib/db/tenant";
import { enqueue } from "@/lib/jobs/enqueue";
import { logger } from "@/lib/log";
import { storedAudience } from "@/lib/campaigns/audience";
import { campaignSend } from "@/trigger/campaign-send";
import { audienceContactIds, skipReasonSql, skipRulesFor } from "../audience";
import { signalCampaignProgress } from "../progress";
import type { CampaignLaunchPayload } from "./payload";

const log = logger("campaigns.launch");

export type LaunchOutcome = "launched" | "superseded";

/** The recipients of a preparing campaign, written once (callable again without effect). */
export async function materialiseRecipients(scope: TenantScope, campaign: { id: string; audience: unknown; templateId: string | null; run: number }, now = new Date()): Promise<void> {
  const audience = storedAudience(campaign.audience);
  const ids = await audienceContactIds(scope, audience);
  const rules = await skipRulesFor(scope, campaign.templateId, campaign.id, now);
  await prisma.$transaction(async (tx) => {
    // Raw SQL: the ids were read inside the workspace and the statement names it again.
    await tx.$executeRaw`
      INSERT INTO ${sqlName("CampaignRecipient")} (id, "workspaceId", "campaignId", "contactId", phone, status, "skipReason", run, "createdAt", "updatedAt")
      SELECT gen_random_uuid()::text, ${scope.workspaceId}, ${campaign.id}, c.id, c.phone,
             CAST(CASE WHEN c.reason IS NULL THEN 'queued' ELSE 'skipped' END AS ${sqlName("RecipientStatus")}),
             c.reason, ${campaign.run}, ${sqlTimestamp(now)}, ${sqlTimestamp(now)}
      FROM (SELECT c.id, c.phone, ${skipReasonSql(rules)} AS reason FROM ${sqlName("Contact")} c
            WHERE c.id = ANY(${ids}::text[]) AND c."workspaceId" = ${scope.workspaceId}) c
      ON CONFLICT ("campaignId", "contactId") DO NOTHING`;
    const counts = await tx.$queryRaw<{ reason: string | null; n: bigint }[]>`
      SELECT "skipReason"::text AS reason, count(*) AS n FROM ${sqlName("CampaignRecipient")}
      WHERE "campaignId" = ${campaign.id} AND "workspaceId" = ${scope.workspaceId} GROUP BY 1`;
    const exclusions: Record<string, number> = {};
    let total = 0;
    let skipped = 0;
    for (const row of counts) {
      total += Number(row.n);
      if (row.reason) {
        exclusions[row.reason] = Number(row.n);
        skipped += Number(row.n);
      }
    }
    if (audience.upload) {
      exclusions.no_phone = (exclusions.no_phone ?? 0) + audience.upload.invalid;
      exclusions.duplicate = (exclusions.duplicate ?? 0) + audience.upload.duplicates;
    }
    await tx.campaign.updateMany({
      where: { id: campaign.id, workspaceId: scope.workspaceId },
      data: { totalCount: total, skippedCount: skipped, exclusions: exclusions as Prisma.InputJsonObject },
    });
  });
}

/** Queues the campaign's send run (one per number at a time); the same plan twice is one run. */
export async function enqueueCampaignSend(scope: TenantScope, campaign: { id: string; launchVersion: number; phoneNumberId: string }, reason?: string): Promise<void> {
  await enqueue(campaignSend, { workspaceId: scope.workspaceId, campaignId: campaign.id }, {
    idempotencyKey: `campaign-send:${campaign.id}:${campaign.launchVersion}${reason ? `:${reason}` : ""}`,
    concurrencyKey: `phone:${campaign.phoneNumberId}`,
  });
}

export async function runCampaignLaunch(payload: CampaignLaunchPayload): Promise<LaunchOutcome> {
  const scope = { workspaceId: payload.workspaceId };
  const db = tenantDb(scope);
  const now = new Date();
  const plan = { id: payload.campaignId, workspaceId: payload.workspaceId, launchVersion: payload.launchVersion };
  // scheduled → preparing, only for this plan; a retried launch finds it preparing (or already sending).
  await db.campaign.updateMany({ where: { ...plan, status: "scheduled" }, data: { status: "preparing", startedAt: now } });
  const campaign = await db.campaign.findFirst({
    where: plan,
    select: { id: true, status: true, audience: true, templateId: true, run: true, launchVersion: true, connection: { select: { phoneNumberId: true } } },
  });
  if (!campaign || (campaign.status !== "preparing" && campaign.status !== "sending")) {
    log.info({ campaignId: payload.campaignId, launchVersion: payload.launchVersion }, "launch of an outdated plan: nothing to do");
    return "superseded";
  }
  if (!campaign.connection) throw new Error(`campaign ${campaign.id} has no phone number`);
  if (campaign.status === "preparing") {
    await materialiseRecipients(scope, campaign, now);
    await db.campaign.updateMany({ where: { ...plan, status: "preparing" }, data: { status: "sending" } });
  }
  await enqueueCampaignSend(scope, { id: campaign.id, launchVersion: campaign.launchVersion, phoneNumberId: campaign.connection.phoneNumberId });
  signalCampaignProgress(scope.workspaceId, campaign.id);
  return "launched";
}

/** The launch's last attempt failed: the campaign says so instead of waiting forever. */
export async function markCampaignLaunchFailed(payload: CampaignLaunchPayload, error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  log.error({ err: error, campaignId: payload.campaignId }, "campaign launch failed");
  await tenantDb({ workspaceId: payload.workspaceId }).campaign.updateMany({
    where: { id: payload.campaignId, workspaceId: payload.workspaceId, launchVersion: payload.launchVersion, status: { in: ["scheduled", "preparing"] } },
    data: { status: "failed", statusReason: { code: "launch_failed", message: message.slice(0, 500), at: new Date().toISOString() } },
  });
  signalCampaignProgress(payload.workspaceId, payload.campaignId);
}
