/**
 * Vercel Cron's entry to the webhook recovery sweep (vercel.json), where no long-lived process runs
 * the 30-second timer of instrumentation.ts. Vercel sends `Authorization: Bearer $CRON_SECRET`.
 */
import { withCron } from "@/lib/http/route";
import { processPendingWebhookEvents } from "@/lib/services/webhooks/recover";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const maxDuration = 60;

export const GET = withCron(async () => {
  const result = await processPendingWebhookEvents({ olderThanMs: 30_000, limit: 200 });
  return Response.json(result);
});
