/**
 * The campaign counters an event moved, summed while its statuses and replies apply and written in
 * ONE Campaign UPDATE at the end of the event (the campaign row is locked only for that last
 * moment of the transaction, not for every status). Each counter counts recipients that reached at
 * least that stage: an increment comes only from a timestamp going NULL → set (or a recipient
 * becoming failed), so a redelivery adds nothing. Counters are never decremented.
 */
import { Prisma } from "@/lib/db";
import { SQL_NOW_UTC, sqlName } from "@/lib/services/webhooks/sql";

export interface CampaignDelta {
  sent: number;
  delivered: number;
  read: number;
  replied: number;
  failed: number;
}

export interface TouchedCampaign {
  workspaceId: string;
  campaignId: string;
}

const ZERO: CampaignDelta = { sent: 0, delivered: 0, read: 0, replied: 0, failed: 0 };

/** The event's campaigns: what each one's counters gained, and every campaign touched at all. */
export class CampaignTally {
  private readonly byCampaign = new Map<string, TouchedCampaign & { delta: CampaignDelta }>();

  add(touched: TouchedCampaign, delta: Partial<CampaignDelta> = {}): void {
    const key = `${touched.workspaceId}:${touched.campaignId}`;
    const entry = this.byCampaign.get(key) ?? { ...touched, delta: { ...ZERO } };
    for (const name of Object.keys(ZERO) as (keyof CampaignDelta)[]) entry.delta[name] += delta[name] ?? 0;
    this.byCampaign.set(key, entry);
  }

  /** Every campaign touched (for the progress signals after commit). */
  touched(): TouchedCampaign[] {
    return [...this.byCampaign.values()].map(({ workspaceId, campaignId }) => ({ workspaceId, campaignId }));
  }

  /** The campaigns whose counters moved, in id order. */
  deltas(): (TouchedCampaign & { delta: CampaignDelta })[] {
    return [...this.byCampaign.values()]
      .filter(({ delta }) => Object.values(delta).some((n) => n !== 0))
      .sort((a, b) => (a.campaignId < b.campaignId ? -1 : a.campaignId > b.campaignId ? 1 : 0));
  }
}

/** Adds the event's increments to its campaigns, in one statement (each row names its workspace). */
export async function writeCampaignCounters(tx: Prisma.TransactionClient, tally: CampaignTally): Promise<void> {
  const rows = tally.deltas();
  if (rows.length === 0) return;
  const values = Prisma.join(
    rows.map(
      ({ workspaceId, campaignId, delta: d }) =>
        Prisma.sql`(${campaignId}::text, ${workspaceId}::text, ${d.sent}::int, ${d.delivered}::int, ${d.read}::int, ${d.replied}::int, ${d.failed}::int)`,
    ),
  );
  await tx.$executeRaw`
    UPDATE ${sqlName("Campaign")} AS c SET
      "sentCount" = c."sentCount" + d.sent,
      "deliveredCount" = c."deliveredCount" + d.delivered,
      "readCount" = c."readCount" + d.read,
      "repliedCount" = c."repliedCount" + d.replied,
      "failedCount" = c."failedCount" + d.failed,
      "updatedAt" = ${SQL_NOW_UTC}
    FROM (VALUES ${values}) AS d(id, "workspaceId", sent, delivered, read, replied, failed)
    WHERE c.id = d.id AND c."workspaceId" = d."workspaceId"`;
}
