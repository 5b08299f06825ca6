/**
 * One order of delivery states for messages and campaign recipients alike: a status webhook moves a
 * row only forward along it (Meta's webhooks arrive out of order). `failed` sits between sent and
 * delivered: a late failure overrides a sent, a delivery after a failure overrides the failure.
 * Not yet sent (pending, queued, sending) is 0; anything else (skipped…) is never moved (99).
 * The one-by-one path ranks in SQL (`rankSql`), the batch path in memory (`statusRank`): one table.
 */
import { Prisma } from "@/lib/db";
import type { StatusKind } from "@/lib/whatsapp/webhook/status";

const RANK = { pending: 0, queued: 0, sending: 0, sent: 1, failed: 2, delivered: 3, read: 4 } as const;
export type RankedStatus = keyof typeof RANK;

export const NEVER_MOVED = 99;

export function statusRank(status: string): number {
  return status in RANK ? RANK[status as RankedStatus] : NEVER_MOVED;
}

/**
 * What each Meta status moves a message or a recipient to, and that state's rank: both writers, one
 * by one and in batches, move a row only when the target outranks its current state.
 */
export const STATUS_TARGET: Record<StatusKind, { status: "sent" | "failed" | "delivered" | "read"; rank: number }> = {
  sent: { status: "sent", rank: RANK.sent },
  failed: { status: "failed", rank: RANK.failed },
  delivered: { status: "delivered", rank: RANK.delivered },
  read: { status: "read", rank: RANK.read },
  played: { status: "read", rank: RANK.read },
};

/** `CASE <column> WHEN … END`: the same rank computed by Postgres. */
export function rankSql(column: Prisma.Sql): Prisma.Sql {
  const whens = Object.entries(RANK).map(([status, rank]) => Prisma.sql`WHEN ${status} THEN ${rank}::int`);
  return Prisma.sql`CASE ${column}::text ${Prisma.join(whens, " ")} ELSE ${NEVER_MOVED}::int END`;
}
