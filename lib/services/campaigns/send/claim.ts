/**
 * Claiming recipients: the next `limit` queued recipients of a campaign (their `notBefore` passed)
 * move to `sending` in one statement, `FOR UPDATE SKIP LOCKED`, so two workers never take the same
 * one. A claimed recipient is from then on settled by its send's answer or by reconciliation from
 * Meta's status webhooks, never claimed again blindly.
 */
import { prisma } from "@/lib/db";
import type { TenantScope } from "@/lib/db/tenant";
import { sqlName, sqlTimestamp } from "@/lib/services/webhooks/sql";

export interface ClaimedRecipient {
  id: string;
  contactId: string;
  phone: string | null;
  attempts: number;
  name: string | null;
  profileName: string | null;
  email: string | null;
  customFields: unknown;
}

export async function claimRecipients(scope: TenantScope, campaignId: string, limit: number, now = new Date()): Promise<ClaimedRecipient[]> {
  const recipient = sqlName("CampaignRecipient");
  // Raw SQL: every condition names the workspace.
  return prisma.$queryRaw<ClaimedRecipient[]>`
    WITH picked AS (
      SELECT id FROM ${recipient}
      WHERE "campaignId" = ${campaignId} AND "workspaceId" = ${scope.workspaceId} AND status = 'queued'
        AND ("notBefore" IS NULL OR "notBefore" <= ${sqlTimestamp(now)})
      ORDER BY id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ), claimed AS (
      UPDATE ${recipient} r SET status = 'sending', "claimedAt" = ${sqlTimestamp(now)}, attempts = r.attempts + 1, "updatedAt" = ${sqlTimestamp(now)}
      FROM picked WHERE r.id = picked.id
      RETURNING r.id, r."contactId", r.phone, r.attempts
    )
    SELECT claimed.id, claimed."contactId", claimed.phone, claimed.attempts, c.name, c."profileName", c.email, c."customFields"
    FROM claimed JOIN ${sqlName("Contact")} c ON c.id = claimed."contactId" AND c."workspaceId" = ${scope.workspaceId}
    ORDER BY claimed.id`;
}

/** What is left to do: queued recipients (and when the first may be claimed), and claimed ones unconfirmed. */
export async function remainingWork(scope: TenantScope, campaignId: string): Promise<{ queued: number; sending: number; nextAt: Date | null }> {
  const rows = await prisma.$queryRaw<{ queued: bigint; sending: bigint; next_at: Date | null }[]>`
    SELECT count(*) FILTER (WHERE status = 'queued') AS queued,
           count(*) FILTER (WHERE status = 'sending') AS sending,
           min("notBefore") FILTER (WHERE status = 'queued') AS next_at
    FROM ${sqlName("CampaignRecipient")}
    WHERE "campaignId" = ${campaignId} AND "workspaceId" = ${scope.workspaceId} AND status IN ('queued', 'sending')`;
  const row = rows[0];
  return { queued: Number(row?.queued ?? 0), sending: Number(row?.sending ?? 0), nextAt: row?.next_at ?? null };
}
