/** The PUSHER_* variables that point the app (server SDK and browsers) at a running local server. */
import type { RealtimeServer } from "./server";

export function realtimeEnv(server: RealtimeServer, secret: string): Record<string, string> {
  return {
    PUSHER_APP_ID: server.appId,
    PUSHER_KEY: server.key,
    PUSHER_SECRET: secret,
    PUSHER_HOST: server.host,
    PUSHER_PORT: String(server.port),
    PUSHER_USE_TLS: "false",
  };
}
