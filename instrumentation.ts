/** Runs once when a server instance starts (Node runtime), on `next start` and on Vercel alike. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NODE_ENV === "production") {
    const { assertProductionEnv } = await import("./lib/env");
    assertProductionEnv();
  }
  // Webhook events stored but not processed (a crash after the 200) are swept up every 30 s by a
  // long-lived server. On Vercel no process lives between requests: Vercel Cron calls
  // GET /api/cron/webhooks instead (vercel.json).
  const { env } = await import("./lib/env");
  if (env.VERCEL) {
    if (!env.CRON_SECRET) {
      const { logger } = await import("./lib/log");
      logger("webhooks.recovery").error(
        "CRON_SECRET is not set: Vercel Cron cannot run the webhook recovery sweep (GET /api/cron/webhooks)",
      );
    }
  } else if (process.env.NEXT_PHASE !== "phase-production-build") {
    const { startWebhookRecovery } = await import("./lib/services/webhooks/scheduler");
    startWebhookRecovery();
  }
}
