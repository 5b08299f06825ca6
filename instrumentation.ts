/** Runs once when a server instance starts (Node runtime), on `next start` and on Vercel alike. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NODE_ENV === "production") {
    const { assertProductionEnv } = await import("./lib/env");
    assertProductionEnv();
    // Chooses the media storage now, so a misconfiguration (the local disk on Vercel) stops the
    // start with its message instead of failing the first media request.
    const { getStorage } = await import("./lib/storage");
    getStorage();
  }
  // Webhook events stored but not processed (a crash after the 200) are swept up every 30 s by a
  // long-lived server, and so are media not downloaded yet; the media retention clean-up runs
  // daily, and outbound sends left pending by a stopped server are resolved every minute. On Vercel
  // no process lives between requests: Vercel Cron calls the /api/cron routes instead (vercel.json).
  const { env } = await import("./lib/env");
  if (env.VERCEL) {
    // Downloads right after webhook processing, waited for inside the request's after() work
    // (a function may be frozen once it resolves); the cron sweep finishes the rest.
    const { enableMediaDownloads } = await import("./lib/services/media/inbound/background");
    enableMediaDownloads(true, { waitInHook: true });
    if (!env.CRON_SECRET) {
      const { logger } = await import("./lib/log");
      logger("webhooks.recovery").error(
        "CRON_SECRET is not set: Vercel Cron cannot run the webhook recovery sweep (GET /api/cron/webhooks) nor the media sweeps (/api/cron/media, /api/cron/media-retention) nor the pending-send sweep (/api/cron/pending-sends)",
      );
    }
  } else if (process.env.NEXT_PHASE !== "phase-production-build") {
    const { startWebhookRecovery } = await import("./lib/services/webhooks/scheduler");
    startWebhookRecovery();
    const { startMediaScheduler } = await import("./lib/services/media/scheduler");
    startMediaScheduler();
    const { startInboxScheduler } = await import("./lib/services/inbox/scheduler");
    startInboxScheduler();
  }
}
