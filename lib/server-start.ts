/**
 * What a Node server instance does when it starts (instrumentation.ts calls it in the Node runtime
 * only), on `next start` and on Vercel alike.
 */
import { assertProductionEnv, env, liveEnv } from "@/lib/env";
import { logger } from "@/lib/log";

export async function startServer(): Promise<void> {
  if (liveEnv.isProduction()) {
    assertProductionEnv();
    // Chooses the media storage now, so a misconfiguration (the local disk on Vercel) stops the
    // start with its message instead of failing the first media request.
    const { getStorage } = await import("@/lib/storage");
    getStorage();
  }
  // Webhook events stored but not processed (a crash after the 200) are swept up every 30 s by a
  // long-lived server, and so are media not downloaded yet; outbound sends left pending by a stopped
  // server are resolved every minute; the daily media and webhook-event clean-ups are scheduled
  // tasks (trigger/). On Vercel no process lives between requests: Vercel Cron calls the /api/cron
  // routes instead (vercel.json).
  if (env.VERCEL) {
    // Downloads right after webhook processing, waited for inside the request's after() work
    // (a function may be frozen once it resolves); the cron sweep finishes the rest.
    const { enableMediaDownloads } = await import("@/lib/services/media/inbound/background");
    enableMediaDownloads(true, { waitInHook: true });
    if (!liveEnv.triggerDev()) {
      logger("jobs").error("TRIGGER_SECRET_KEY is not set: on Vercel no process runs the embedded task runner, so background tasks (imports, campaigns) cannot start (lib/jobs)");
    }
    if (!env.CRON_SECRET) {
      logger("webhooks.recovery").error(
        "CRON_SECRET is not set: Vercel Cron cannot run the webhook recovery sweep (GET /api/cron/webhooks) nor the media sweeps (/api/cron/media, /api/cron/media-retention) nor the pending-send sweep (/api/cron/pending-sends) nor campaign reconciliation (/api/cron/campaigns)",
      );
    }
  } else if (!liveEnv.isBuildPhase()) {
    const { startWebhookRecovery } = await import("@/lib/services/webhooks/scheduler");
    startWebhookRecovery();
    const { startMediaScheduler } = await import("@/lib/services/media/scheduler");
    startMediaScheduler();
    const { startInboxScheduler } = await import("@/lib/services/inbox/scheduler");
    startInboxScheduler();
    const { startCampaignScheduler } = await import("@/lib/services/campaigns/scheduler");
    startCampaignScheduler();
    // Background tasks: on Trigger.dev when TRIGGER_SECRET_KEY is set (its workers run them, the
    // daily clean-ups included), else on the embedded runner in this process, beside any other
    // server process on the same database.
    if (!liveEnv.triggerDev()) {
      const { startJobRunner } = await import("@/lib/jobs/local/runner");
      const { SCHEDULED_TASKS, TASKS } = await import("@/trigger/catalog");
      await startJobRunner(TASKS, SCHEDULED_TASKS).catch((error: unknown) => logger("jobs").error({ err: error }, "the embedded task runner did not start"));
    }
  }
}
