/**
 * Vercel Cron's entry to the daily media clean-up (vercel.json: 03:00 UTC): media past their
 * workspace's retention limit lose their bytes. Trigger.dev runs the same service
 * (trigger/media-retention.ts), a Node server a daily timer; running it twice deletes nothing twice.
 */
import { withCron } from "@/lib/http/route";
import { cleanUpExpiredMedia } from "@/lib/services/media/retention/clean-up-expired-media";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const maxDuration = 300;

export const GET = withCron(async () => {
  // An unfinished run (a huge backlog) is picked up by the next day's, or by re-running this.
  const result = await cleanUpExpiredMedia({ deadline: new Date(Date.now() + 240_000) });
  return Response.json(result);
});
