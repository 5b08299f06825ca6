/**
 * The one `pusher` server SDK client of the process, or null when real-time is not configured.
 * Keep-alive connections: a publish right after a webhook should not pay a TCP (or TLS) handshake.
 */
import http from "node:http";
import https from "node:https";
import Pusher from "pusher";
import { realtimeServerConfig } from "./config";

// A publish is a signal to browsers, worth little after a few seconds; the caller never waits longer.
const PUBLISH_TIMEOUT_MS = 5_000;

let client: Pusher | null | undefined;

export function pusherServer(): Pusher | null {
  if (client !== undefined) return client;
  const config = realtimeServerConfig();
  if (!config) return (client = null);
  const base = {
    appId: config.appId,
    key: config.key,
    secret: config.secret,
    useTLS: config.useTLS,
    timeout: PUBLISH_TIMEOUT_MS,
    agent: config.useTLS ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true }),
  };
  client = config.host
    ? new Pusher({ ...base, host: config.host, ...(config.port ? { port: String(config.port) } : {}) })
    : new Pusher({ ...base, cluster: config.cluster ?? "mt1" });
  return client;
}
