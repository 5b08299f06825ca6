/**
 * A batch's answers written back in a few set-based statements: accepted recipients become `sent`
 * (their wamid kept, the counter moved only for those not already settled by a status webhook that
 * raced ahead), their messages stored in each contact's open conversation; failures recorded with
 * Meta's code and text (and the contact suppressed or opted out where Meta says so); retryable ones
 * queued again for later. Recipients whose outcome is unknown (a timeout after the request left)
 * are not touched here: reconciliation settles them from Meta's status webhooks.
 */
import { prisma } from "@/lib/db";
import type { TenantScope } from "@/lib/db/tenant";
import { sqlName, sqlTimestamp } from "@/lib/services/webhooks/sql";
import { storeSentMessages, type SentMessage } from "./sent-messages";

export interface Failed {
  recipientId: string;
  contactId: string;
  code: number | null;
  error: string;
  retryable: boolean;
  /** Meta: the number cannot receive (131026…): suppress the contact. */
  suppress: boolean;
  /** Meta: the user stopped marketing messages (131050): opt the contact out. */
  optOut: boolean;
}

export interface Requeued {
  recipientId: string;
  notBefore: Date | null;
  /** The attempt does not count against the recipient's limit (Meta's rate limits, a paused template). */
  refund: boolean;
}

export interface BatchResults {
  accepted: SentMessage[];
  failed: Failed[];
  requeued: Requeued[];
}

export async function settleBatch(scope: TenantScope, campaign: { id: string; connectionId: string }, results: BatchResults, now = new Date()): Promise<void> {
  const recipient = sqlName("CampaignRecipient");
  const { workspaceId } = scope;
  await prisma.$transaction(async (tx) => {
    let sent = 0;
    let failed = 0;
    if (results.accepted.length > 0) {
      const ids = results.accepted.map((a) => a.recipientId);
      const rows = await tx.$queryRaw<{ fresh: boolean }[]>`
        WITH v AS (
          SELECT * FROM unnest(${ids}::text[], ${results.accepted.map((a) => a.wamid)}::text[], ${results.accepted.map((a) => a.at.toISOString())}::timestamptz[]) AS v(id, wamid, at)
        ), old AS (
          SELECT r.id, r."sentAt" IS NULL AS fresh FROM ${recipient} r JOIN v ON v.id = r.id
          WHERE r."workspaceId" = ${workspaceId} FOR UPDATE OF r
        )
        UPDATE ${recipient} r SET
          status = CASE WHEN r.status IN ('sending', 'queued') THEN 'sent' ELSE r.status END,
          wamid = COALESCE(r.wamid, v.wamid),
          "sentAt" = COALESCE(r."sentAt", v.at AT TIME ZONE 'UTC'),
          "updatedAt" = ${sqlTimestamp(now)}
        FROM v JOIN old ON old.id = v.id
        WHERE r.id = v.id
        RETURNING old.fresh`;
      sent = rows.filter((row) => row.fresh).length;

      await storeSentMessages(tx, workspaceId, campaign.connectionId, results.accepted, now);
    }

    if (results.failed.length > 0) {
      const f = results.failed;
      const rows = await tx.$queryRaw<{ id: string }[]>`
        UPDATE ${recipient} r SET status = 'failed', "errorCode" = v.code, error = v.error, retryable = v.retryable,
               "failedAt" = ${sqlTimestamp(now)}, "updatedAt" = ${sqlTimestamp(now)}
        FROM unnest(${f.map((x) => x.recipientId)}::text[], ${f.map((x) => x.code)}::integer[], ${f.map((x) => x.error.slice(0, 1000))}::text[], ${f.map((x) => x.retryable)}::boolean[]) AS v(id, code, error, retryable)
        WHERE r.id = v.id AND r."workspaceId" = ${workspaceId} AND r.status = 'sending'
        RETURNING r.id`;
      failed = rows.length;
      const suppress = f.filter((x) => x.suppress);
      if (suppress.length > 0)
        await tx.$executeRaw`
          UPDATE ${sqlName("Contact")} c SET "suppressedAt" = COALESCE(c."suppressedAt", ${sqlTimestamp(now)}), "suppressedReason" = COALESCE(c."suppressedReason", v.reason), "updatedAt" = ${sqlTimestamp(now)}
          FROM unnest(${suppress.map((x) => x.contactId)}::text[], ${suppress.map((x) => `Meta ${x.code ?? ""}: ${x.error}`.slice(0, 300))}::text[]) AS v(id, reason)
          WHERE c.id = v.id AND c."workspaceId" = ${workspaceId}`;
      const optOut = f.filter((x) => x.optOut);
      if (optOut.length > 0)
        await tx.$executeRaw`
          UPDATE ${sqlName("Contact")} c SET "optedOutAt" = ${sqlTimestamp(now)}, "optOutReason" = 'Meta 131050: the user stopped marketing messages', "optOutSource" = 'meta', "updatedAt" = ${sqlTimestamp(now)}
          WHERE c.id = ANY(${optOut.map((x) => x.contactId)}::text[]) AND c."workspaceId" = ${workspaceId} AND c."optedOutAt" IS NULL`;
    }

    if (results.requeued.length > 0) {
      const q = results.requeued;
      await tx.$executeRaw`
        UPDATE ${recipient} r SET status = 'queued', "notBefore" = v.not_before AT TIME ZONE 'UTC',
               attempts = CASE WHEN v.refund THEN GREATEST(r.attempts - 1, 0) ELSE r.attempts END, "updatedAt" = ${sqlTimestamp(now)}
        FROM unnest(${q.map((x) => x.recipientId)}::text[], ${q.map((x) => x.notBefore?.toISOString() ?? null)}::timestamptz[], ${q.map((x) => x.refund)}::boolean[]) AS v(id, not_before, refund)
        WHERE r.id = v.id AND r."workspaceId" = ${workspaceId} AND r.status = 'sending'`;
    }

    if (sent > 0 || failed > 0)
      await tx.$executeRaw`
        UPDATE ${sqlName("Campaign")} SET "sentCount" = "sentCount" + ${sent}, "failedCount" = "failedCount" + ${failed}, "updatedAt" = ${sqlTimestamp(now)}
        WHERE id = ${campaign.id} AND "workspaceId" = ${workspaceId}`;
  });
}
