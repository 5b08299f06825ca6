/** The node:http server: /_emulator control endpoints, media download URLs, and the Graph API. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { routeControl } from "./control-routes";
import type { Emulator } from "./emulator";
import { errors, GraphError, graphError } from "./graph-errors";
import { GRAPH_PATH, routeGraph } from "./graph-router";
import { sendGraphError, sendJson } from "./http";
import { downloadMedia } from "./media-routes";
import { MEDIA_DOWNLOAD_PATH } from "./media-store";

export function createEmulatorServer(emulator: Emulator): Server {
  return createServer((req, res) => {
    void handle(emulator, req, res);
  });
}

async function handle(emulator: Emulator, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = Date.now();
  const url = new URL(req.url ?? "/", "http://emulator.local");
  try {
    if (url.pathname === "/_emulator" || url.pathname.startsWith("/_emulator/")) {
      await routeControl(emulator, req, res, url);
    } else if (url.pathname === MEDIA_DOWNLOAD_PATH && (req.method === "GET" || req.method === "HEAD")) {
      downloadMedia(emulator, req, res, url);
    } else if (url.pathname === "/favicon.ico") {
      res.writeHead(204).end();
    } else if (url.pathname === "/" && req.method === "GET") {
      res.writeHead(302, { location: "/_emulator" });
      res.end();
    } else {
      const match = GRAPH_PATH.exec(url.pathname);
      if (!match) throw errors.unknownPath(url.pathname);
      const answer = await routeGraph(emulator, req, url, match);
      sendJson(res, answer.status, answer.body);
    }
  } catch (error) {
    if (res.headersSent) {
      res.destroy();
    } else if (error instanceof GraphError) {
      sendGraphError(res, error);
    } else {
      emulator.log(
        `internal error on ${req.method} ${url.pathname}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      sendGraphError(
        res,
        graphError(500, {
          message: "An unexpected error has occurred. Please retry your request later.",
          type: "OAuthException",
          code: 2,
          transient: true,
        }),
      );
    }
    // Drain an unread request body so the connection can be reused.
    if (!req.complete) req.resume();
  } finally {
    emulator.log(`${req.method} ${url.pathname} → ${res.statusCode} (${Date.now() - started} ms)`);
  }
}
