/**
 * `npm run emulator`: the WhatsApp Cloud API emulator in the foreground until SIGINT/SIGTERM.
 * Environment (real environment first, then .env.local, then .env):
 *   EMULATOR_PORT (default 4010), EMULATOR_HOST (default 127.0.0.1),
 *   EMULATOR_WEBHOOK_URL (e.g. http://127.0.0.1:3000/api/webhooks/whatsapp; unset: no webhooks),
 *   META_APP_SECRET (signs the webhooks; required), EMULATOR_LOG=1 (a line per request).
 * Prints `WHATSAPP_EMULATOR_URL=http://127.0.0.1:4010` once listening.
 */
import { loadEnvFiles } from "../../scripts/lib/load-env";
import { emulatorPort, startWhatsAppEmulator } from "./index";

async function main(): Promise<void> {
  loadEnvFiles();
  const appSecret = process.env.META_APP_SECRET;
  if (!appSecret) {
    console.error("whatsapp emulator: META_APP_SECRET is not set (npm run dev generates it into .env.local).");
    process.exit(1);
  }
  const port = emulatorPort();
  const webhookUrl = process.env.EMULATOR_WEBHOOK_URL || undefined;

  const emulator = await startWhatsAppEmulator({
    port,
    host: process.env.EMULATOR_HOST || undefined,
    webhookUrl,
    appSecret,
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

main().catch((error: unknown) => {
  console.error("whatsapp emulator: could not start:", error);
  process.exit(1);
});
