/**
 * `npm run emulator`: the WhatsApp Cloud API emulator in the foreground until SIGINT/SIGTERM.
 * Environment (real environment first, then .env.local, then .env):
 *   EMULATOR_PORT (default 4010), EMULATOR_HOST (default 127.0.0.1),
 *   EMULATOR_WEBHOOK_URL (e.g. http://127.0.0.1:3000/api/webhooks/whatsapp; unset: no webhooks),
 *   META_APP_SECRET (signs the webhooks; required), EMULATOR_LOG=1 (a line per request),
 *   EMULATOR_TEMPLATE_REVIEW_MS (how long a submitted template waits for its review; default 1000),
 *   EMULATOR_TEMPLATE_REVIEW (approve | reject | random; default approve).
 * Prints `WHATSAPP_EMULATOR_URL=http://127.0.0.1:4010` once listening.
 */
import { loadEnvFiles } from "../../scripts/lib/load-env";
import { emulatorPort, startWhatsAppEmulator, type TemplateReviewPolicy } from "./index";

async function main(): Promise<void> {
  loadEnvFiles();
  const appSecret = process.env.META_APP_SECRET;
  if (!appSecret) {
    console.error("whatsapp emulator: META_APP_SECRET is not set (npm run dev generates it into .env.local).");
    process.exit(1);
  }
  const port = emulatorPort();
  const webhookUrl = process.env.EMULATOR_WEBHOOK_URL || undefined;
  const templateReview = reviewFromEnv(process.env.EMULATOR_TEMPLATE_REVIEW_MS, process.env.EMULATOR_TEMPLATE_REVIEW);

  const emulator = await startWhatsAppEmulator({
    port,
    host: process.env.EMULATOR_HOST || undefined,
    webhookUrl,
    appSecret,
    templateReview,
    log: process.env.EMULATOR_LOG === "1",
  });
  console.log(`WHATSAPP_EMULATOR_URL=${emulator.url}`);
  console.error(
    `WhatsApp emulator ready at ${emulator.url} (page: ${emulator.url}/_emulator); webhooks ${webhookUrl ? `→ ${webhookUrl}` : "off (EMULATOR_WEBHOOK_URL unset)"}. Ctrl-C stops it.`,
  );

  const shutdown = (signal: string) => {
    console.error(`WhatsApp emulator: ${signal}, stopping.`);
    emulator.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
}

function reviewFromEnv(delay: string | undefined, outcome: string | undefined): TemplateReviewPolicy {
  const policy: TemplateReviewPolicy = {};
  if (delay) {
    if (!/^\d+$/.test(delay)) throw new Error(`EMULATOR_TEMPLATE_REVIEW_MS must be a number of milliseconds; got '${delay}'.`);
    policy.delayMs = Number(delay);
  }
  if (outcome) {
    if (outcome !== "approve" && outcome !== "reject" && outcome !== "random")
      throw new Error(`EMULATOR_TEMPLATE_REVIEW must be approve, reject or random; got '${outcome}'.`);
    policy.outcome = outcome;
  }
  return policy;
}

main().catch((error: unknown) => {
  console.error("whatsapp emulator: could not start:", error);
  process.exit(1);
});
