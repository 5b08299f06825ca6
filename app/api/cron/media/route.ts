/**
 * Vercel Cron's entry to the media download sweep (vercel.json: every minute): pending media the
 * webhook's own hook did not finish (a frozen function, a failure waiting out its backoff, a
 * crash). A Node server runs the same sweep every 30 s (lib/services/media/scheduler.ts).
 */
import { withCron } from "@/lib/http/route";
import { downloadPendingMedia } from "@/lib/services/media/inbound/sweep";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const maxDuration = 300;

export const GET = withCron(async () => {
  // No new download after 2 minutes: one started then still ends within maxDuration.
  const result = await downloadPendingMedia({ limit: 30, deadline: new Date(Date.now() + 120_000) });
  return Response.json(result);
});
