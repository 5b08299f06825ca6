/**
 * Where the server publishes and what browsers connect to, from lib/env.ts. Read at request time
 * on the server (never NEXT_PUBLIC_*, which `next build` freezes into the bundle), so one build
 * runs against the local server, Pusher's cloud or any compatible server by environment alone.
 */
import { env } from "@/lib/env";

export interface RealtimeServerConfig {
  appId: string;
  key: string;
  secret: string;
  useTLS: boolean;
  /** Pusher's cloud when set and no host is given. */
  cluster?: string;
  host?: string;
  port?: number;
}

type Source = Pick<
  typeof env,
  | "PUSHER_APP_ID"
  | "PUSHER_KEY"
  | "PUSHER_SECRET"
  | "PUSHER_HOST"
  | "PUSHER_PORT"
  | "PUSHER_USE_TLS"
  | "PUSHER_CLUSTER"
  | "PUSHER_PUBLIC_HOST"
  | "PUSHER_PUBLIC_PORT"
> &
  Partial<Pick<typeof env, "NEXT_PUBLIC_PUSHER_HOST" | "NEXT_PUBLIC_PUSHER_PORT">>;

/** Null when real-time is not configured (unit tests, a deploy without Pusher): publishing is then a no-op. */
export function realtimeServerConfig(source: Source = env): RealtimeServerConfig | null {
  const { PUSHER_APP_ID: appId, PUSHER_KEY: key, PUSHER_SECRET: secret } = source;
  if (!appId || !key || !secret) return null;
  const host = source.PUSHER_HOST;
  const cluster = source.PUSHER_CLUSTER;
  if (!host && !cluster) return null;
  return {
    appId,
    key,
    secret,
    useTLS: source.PUSHER_USE_TLS ?? !host,
    ...(host ? { host, port: source.PUSHER_PORT } : { cluster }),
  };
}

/** What a browser needs to connect: public by nature (the key identifies the app, it signs nothing). */
export interface RealtimeClientConfig {
  key: string;
  /** Pusher's cluster; for a host of our own, any label (pusher-js requires one). */
  cluster: string;
  wsHost?: string;
  wsPort?: number;
  forceTLS: boolean;
}

export function realtimeClientConfig(source: Source = env): RealtimeClientConfig | null {
  const server = realtimeServerConfig(source);
  if (!server) return null;
  // NEXT_PUBLIC_PUSHER_HOST/PORT are DESIGN.md's names for the same thing; still honoured, but
  // Next inlines NEXT_PUBLIC_* at build time, so PUSHER_PUBLIC_* (read at run time) win.
  const wsHost = source.PUSHER_PUBLIC_HOST ?? source.NEXT_PUBLIC_PUSHER_HOST ?? server.host;
  const wsPort = source.PUSHER_PUBLIC_PORT ?? source.NEXT_PUBLIC_PUSHER_PORT ?? server.port;
  return {
    key: server.key,
    cluster: server.cluster ?? "local",
    forceTLS: server.useTLS,
    ...(wsHost ? { wsHost } : {}),
    ...(wsHost && wsPort ? { wsPort } : {}),
  };
}
