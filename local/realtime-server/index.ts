/**
 * A local server of the Pusher Channels protocol: the embedded default for real-time when no
 * PUSHER_KEY is configured (npm run dev, e2e, tests). See README.md.
 *
 *   const realtime = await startRealtimeServer({ port: 0, secret });
 *   // PUSHER_HOST=127.0.0.1 PUSHER_PORT=realtime.port PUSHER_APP_ID=realtime.appId PUSHER_KEY=realtime.key
 */
export { startRealtimeServer, DEFAULT_REALTIME_APP_ID, DEFAULT_REALTIME_KEY, DEFAULT_REALTIME_PORT } from "./server";
export type { RealtimeServer, RealtimeServerOptions } from "./server";
export { channelSignature } from "./signing";
export { realtimeEnv } from "./env";
