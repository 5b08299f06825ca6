/**
 * Serves a route handler (`(request: Request) => Promise<Response>`) over real HTTP on loopback,
 * so tests can use a URL the way a browser does (plain `fetch`, no cookies).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";

export interface RouteServer {
  origin: string;
  close(): Promise<void>;
}

export async function serveRoute(handler: (request: Request) => Promise<Response>): Promise<RouteServer> {
  let origin = "";
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      try {
        const headers = new Headers();
        for (const [name, value] of Object.entries(req.headers)) {
          if (typeof value === "string") headers.set(name, value);
        }
        const response = await handler(new Request(new URL(req.url ?? "/", origin), { method: req.method, headers }));
        res.writeHead(response.status, Object.fromEntries(response.headers));
        if (response.body && req.method !== "HEAD") await pipeline(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), res);
        else res.end();
      } catch (error) {
        if (!res.headersSent) res.writeHead(500);
        res.end(String(error));
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
