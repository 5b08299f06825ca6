/**
 * Retention for webhook events: a processed event older than WEBHOOK_EVENT_RETENTION_DAYS
 * (default 30) is deleted, in batches so one run never holds a long lock. Unprocessed events are
 * never deleted (the recovery sweep still owes them). The messages an event created stay; only the
 * raw delivery goes. Run daily by the long-lived server's scheduler and by Vercel Cron
 * (GET /api/cron/webhook-retention); running it twice deletes nothing twice.
 *
 * After an event is gone its body hash is gone too, so a replay older than the retention is stored
 * once more; processing is idempotent (by wamid), so it changes nothing downstream.
 */
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";

const DAY_MS = 24 * 60 * 60 * 1000;

export async function deleteExpiredWebhookEvents(
  options: { now?: Date; retentionDays?: number; batch?: number; deadline?: Date } = {},
): Promise<{ deleted: number; cutoff: Date }> {
  const { now = new Date(), retentionDays = env.WEBHOOK_EVENT_RETENTION_DAYS, batch = 1_000, deadline } = options;
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  let deleted = 0;
  for (;;) {
    const ids = await prisma.webhookEvent.findMany({
      where: { processedAt: { lt: cutoff } },
      select: { id: true },
      orderBy: { processedAt: "asc" },
      take: batch,
    });
    if (ids.length === 0) break;
    const { count } = await prisma.webhookEvent.deleteMany({ where: { id: { in: ids.map(({ id }) => id) }, processedAt: { lt: cutoff } } });
    deleted += count;
    if (ids.length < batch || (deadline && Date.now() > deadline.getTime())) break;
  }
  return { deleted, cutoff };
}
