/**
 * Daily at 03:30 UTC: processed webhook events older than WEBHOOK_EVENT_RETENTION_DAYS are deleted
 * (lib/services/webhooks/retention.ts). Idempotent, like Vercel Cron's GET /api/cron/webhook-retention.
 */
import { defineScheduledTask } from "@/lib/jobs/define";
import { deleteExpiredWebhookEvents } from "@/lib/services/webhooks/retention";
import { maintenanceQueue } from "./queues";

export const webhookRetention = defineScheduledTask({
  id: "webhook-retention",
  cron: "30 3 * * *",
  queue: maintenanceQueue,
  maxDuration: 3_600,
  run: (at) => deleteExpiredWebhookEvents({ now: at }),
});
