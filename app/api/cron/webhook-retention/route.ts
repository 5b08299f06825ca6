/**
 * Vercel Cron's entry to the daily webhook-event retention (vercel.json: 03:30 UTC): processed
 * events older than WEBHOOK_EVENT_RETENTION_DAYS are deleted. A Node server runs it on a timer.
 */
import { withCron } from "@/lib/http/route";
import { deleteExpiredWebhookEvents } from "@/lib/services/webhooks/retention";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const maxDuration = 300;

export const GET = withCron(async () => {
  // What one run leaves (a huge table) the next day's run continues.
  const result = await deleteExpiredWebhookEvents({ deadline: new Date(Date.now() + 240_000) });
  return Response.json(result);
});
