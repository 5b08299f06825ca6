/** The HTTP server (Pusher's HTTP API) and the WebSocket endpoint `/app/{key}` on one port. */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import { Channels } from "./channels";
import { Connection, type ConnectionTimings } from "./connection";
import { handleApiRequest } from "./http-api";
import type { AppCredentials } from "./signing";
import { Users } from "./users";

export const DEFAULT_REALTIME_APP_ID = "parley-local";
export const DEFAULT_REALTIME_KEY = "parley-local-key";
export const DEFAULT_REALTIME_PORT = 6001;

export interface RealtimeServerOptions {
  port: number;
  host?: string;
  appId?: string;
  key?: string;
  secret: string;
  /** Default 120 s, Pusher's. Tests shorten it to see the server's ping. */
  activityTimeoutSeconds?: number;
  /** Default 30 s. */
  pongTimeoutMs?: number;
}

export interface RealtimeServer {
  /** http://host:port — the HTTP API; WebSockets on the same origin (ws://host:port/app/{key}). */
  url: string;
  host: string;
  port: number;
  appId: string;
  key: string;
  /** How many sockets listen on `channel` now (tests wait for a subscription with it). */
  subscriptionCount(channel: string): number;
  /** How many sockets are signed in as `userId` (pusher:signin). */
  userConnectionCount(userId: string): number;
  /** Drops every WebSocket without a close frame, as a network loss does (tests of reconnection). */
  dropConnections(): void;
  stop(): Promise<void>;
}

const SUPPORTED_PROTOCOLS = new Set([5, 6, 7]);

export async function startRealtimeServer(options: RealtimeServerOptions): Promise<RealtimeServer> {
  const app: AppCredentials = { appId: options.appId ?? DEFAULT_REALTIME_APP_ID, key: options.key ?? DEFAULT_REALTIME_KEY, secret: options.secret };
  const timings: ConnectionTimings = { activityTimeoutSeconds: options.activityTimeoutSeconds ?? 120, pongTimeoutMs: options.pongTimeoutMs ?? 30_000 };
  const channels = new Channels();
  const users = new Users();

  const http = createServer((req, res) => void handleApiRequest(app, channels, users, req, res));
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  http.on("upgrade", (req, socket, head) => {
    const path = new URL(req.url ?? "/", "http://realtime.local").pathname;
    if (!path.startsWith("/app/")) {
      socket.end("HTTP/1.1 404 Not Found\r\n\r\n");
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws, req));
  });

  function accept(ws: WebSocket, req: IncomingMessage): void {
    const url = new URL(req.url ?? "/", "http://realtime.local");
    const key = decodeURIComponent(url.pathname.slice("/app/".length));
    // Pusher accepts the upgrade, then explains with a pusher:error and a 40xx close (no reconnect).
    const refuse = (code: number, message: string) => {
      ws.send(JSON.stringify({ event: "pusher:error", data: { code, message } }));
      ws.close(code, message);
    };
    if (key !== app.key) return refuse(4001, `App key ${key} does not exist`);
    const protocol = Number(url.searchParams.get("protocol"));
    if (!SUPPORTED_PROTOCOLS.has(protocol)) return refuse(4007, "Unsupported protocol version");
    new Connection(ws, app, channels, timings, users).open();
  }

  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(options.port, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = http.address() as AddressInfo;
  const host = options.host ?? "127.0.0.1";

  return {
    url: `http://${host}:${address.port}`,
    host,
    port: address.port,
    appId: app.appId,
    key: app.key,
    subscriptionCount: (channel) => channels.subscriptionCount(channel),
    userConnectionCount: (userId) => users.connectionCount(userId),
    dropConnections: () => {
      for (const client of wss.clients) client.terminate();
    },
    stop: async () => {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
