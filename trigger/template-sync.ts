/**
 * Every 6 hours (at :15, clear of the 03:00 / 03:30 clean-ups on the same queue): every workspace
 * with a WhatsApp connection reads its WABA's templates from Meta (lib/services/templates/
 * sync-templates.ts), catching any status, quality or category webhook that was missed. Idempotent,
 * like Vercel Cron's GET /api/cron/template-sync.
 */
import { defineScheduledTask } from "@/lib/jobs/define";
import { syncAllTemplates } from "@/lib/services/templates/sync-templates";
import { maintenanceQueue } from "./queues";

export const templateSync = defineScheduledTask({
  id: "template-sync",
  cron: "15 */6 * * *",
  queue: maintenanceQueue,
  maxDuration: 1_800,
  run: () => syncAllTemplates(),
});
