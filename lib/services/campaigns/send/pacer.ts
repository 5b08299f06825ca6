/**
 * The pace of one phone number's sends, shared by every worker, process and campaign: a GCRA token
 * bucket kept in one SendPacer row. A sender reserves `count` sends at `ratePerSecond` in one
 * UPDATE and learns when its first may go; the row's theoretical arrival time (`tat`) moves on by
 * count / rate, so the next reservation, from anyone, starts where this one ends. Meta's
 * "throughput exceeded" (130429, 80007) pushes the whole number back (`backOff`).
 */
import { prisma } from "@/lib/db";
import { sqlName, sqlTimestamp } from "@/lib/services/webhooks/sql";

/**
 * How far behind the schedule a reservation may start: a sender whose previous batch overran its
 * slots (a busy CPU, a slow write-back) catches up by this much at once instead of losing the time
 * for good, as a GCRA's burst tolerance does. Meta's bucket refilled while we were late, so the
 * catch-up stays within the number's rate over any second; an idle number gets at most this burst.
 */
export const CATCH_UP_SECONDS = 0.25;

/** Reserves `count` consecutive send slots; resolves to the epoch ms of the first (slot i at first + i × 1000 / rate). */
export async function reserveSends(phoneNumberId: string, count: number, ratePerSecond: number, now = new Date()): Promise<number> {
  const seconds = count / ratePerSecond;
  const earliest = new Date(now.getTime() - CATCH_UP_SECONDS * 1000).toISOString();
  const rows = await prisma.$queryRaw<{ tat: Date }[]>`
    INSERT INTO ${sqlName("SendPacer")} AS p ("phoneNumberId", tat, "updatedAt")
    VALUES (${phoneNumberId}, ${now.toISOString()}::timestamptz + make_interval(secs => ${seconds}::float8), ${sqlTimestamp(now)})
    ON CONFLICT ("phoneNumberId") DO UPDATE SET
      tat = GREATEST(p.tat, ${earliest}::timestamptz, COALESCE(p."backoffUntil", ${earliest}::timestamptz)) + make_interval(secs => ${seconds}::float8),
      "updatedAt" = ${sqlTimestamp(now)}
    RETURNING tat`;
  return rows[0]!.tat.getTime() - seconds * 1000;
}

/** No send from this number before `until` (Meta's throughput error); earlier reservations stand. */
export async function backOff(phoneNumberId: string, until: Date): Promise<void> {
  await prisma.$executeRaw`
    INSERT INTO ${sqlName("SendPacer")} AS p ("phoneNumberId", tat, "backoffUntil", "updatedAt")
    VALUES (${phoneNumberId}, ${until.toISOString()}::timestamptz, ${until.toISOString()}::timestamptz, ${sqlTimestamp(new Date())})
    ON CONFLICT ("phoneNumberId") DO UPDATE SET
      "backoffUntil" = GREATEST(COALESCE(p."backoffUntil", EXCLUDED."backoffUntil"), EXCLUDED."backoffUntil"),
      tat = GREATEST(p.tat, EXCLUDED.tat),
      "updatedAt" = EXCLUDED."updatedAt"`;
}
