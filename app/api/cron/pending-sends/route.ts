/**
 * Vercel Cron's entry to the pending-send sweep (vercel.json, every minute), where no long-lived
 * process runs the timer of instrumentation.ts: outbound messages left pending by a stopped
 * function become "outcome unknown" (lib/services/inbox/pending-sweep.ts).
 */
import { withCron } from "@/lib/http/route";
import { resolveStalePendingSends } from "@/lib/services/inbox/pending-sweep";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const maxDuration = 60;

export const GET = withCron(async () => {
  return Response.json(await resolveStalePendingSends());
});
