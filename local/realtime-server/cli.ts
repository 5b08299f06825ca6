/**
 * `npm run realtime`: the local Pusher-protocol server in the foreground until SIGINT/SIGTERM.
 * Environment (real environment first, then .env.local, then .env):
 *   REALTIME_PORT (default 6001), REALTIME_HOST (default 127.0.0.1),
 *   PUSHER_APP_ID (default parley-local), PUSHER_KEY (default parley-local-key),
 *   PUSHER_SECRET, else REALTIME_LOCAL_SECRET (npm run dev generates it into .env.local).
 * Prints the PUSHER_* lines for the app once listening.
 */
import { loadEnvFiles } from "../../scripts/lib/load-env";
import { DEFAULT_REALTIME_PORT, realtimeEnv, startRealtimeServer } from "./index";

async function main(): Promise<void> {
  loadEnvFiles();
  const secret = process.env.PUSHER_SECRET || process.env.REALTIME_LOCAL_SECRET;
  if (!secret) {
    console.error("realtime server: set PUSHER_SECRET or REALTIME_LOCAL_SECRET (npm run dev generates the latter into .env.local).");
    process.exit(1);
  }
  const port = process.env.REALTIME_PORT ? Number(process.env.REALTIME_PORT) : DEFAULT_REALTIME_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`REALTIME_PORT is not a port: ${process.env.REALTIME_PORT}`);

  const server = await startRealtimeServer({
    port,
    host: process.env.REALTIME_HOST || undefined,
    appId: process.env.PUSHER_APP_ID || undefined,
    key: process.env.PUSHER_KEY || undefined,
    secret,
  });
  for (const [name, value] of Object.entries(realtimeEnv(server, secret))) if (name !== "PUSHER_SECRET") console.log(`${name}=${value}`);
  console.error(`Realtime server (Pusher protocol) at ${server.url}, WebSockets at ws://${server.host}:${server.port}/app/${server.key}. Ctrl-C stops it.`);

  const shutdown = (signal: string) => {
    console.error(`Realtime server: ${signal}, stopping.`);
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error("realtime server could not start:", error);
  process.exit(1);
});
