/**
 * Vercel Cron's entry to the template sync (vercel.json: every 6 hours at :15): every connected
 * workspace's templates are read from Meta. Trigger.dev runs the same service
 * (trigger/template-sync.ts); running it twice changes nothing twice.
 */
import { withCron } from "@/lib/http/route";
import { syncAllTemplates } from "@/lib/services/templates/sync-templates";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const maxDuration = 300;

export const GET = withCron(async () => {
  // Workspaces left when the deadline passes are synced by the next run, six hours later.
  const result = await syncAllTemplates({ deadline: new Date(Date.now() + 240_000) });
  return Response.json(result);
});
