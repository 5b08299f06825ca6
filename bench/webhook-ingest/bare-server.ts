/**
 * The floor of the comparison: a bare Node `http` server doing the webhook's acknowledgement work
 * without a framework or a database — read the body, check X-Hub-Signature-256 (HMAC-SHA256 of the
 * bytes under META_APP_SECRET), JSON.parse — then 200. Run as a child of the benchmark
 * (BENCH_PORT, META_APP_SECRET in its environment), on loopback only; prints "ready" when listening.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";

const secret = process.env.META_APP_SECRET ?? "";
const port = Number(process.env.BENCH_PORT);
const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;

function verifies(header: string | undefined, body: Buffer): boolean {
  const hex = SIGNATURE.exec(header?.trim() ?? "")?.[1];
  if (!secret || !hex) return false;
  return timingSafeEqual(createHmac("sha256", secret).update(body).digest(), Buffer.from(hex, "hex"));
}

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const body = Buffer.concat(chunks);
    const header = request.headers["x-hub-signature-256"];
    let status = 200;
    if (request.method !== "POST") status = 405;
    else if (!verifies(Array.isArray(header) ? header[0] : header, body)) status = 401;
    else {
      try {
        JSON.parse(body.toString("utf8"));
      } catch {
        status = 400;
      }
    }
    response.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
    response.end(status === 200 ? "OK" : "No");
  });
});

server.keepAliveTimeout = 60_000;
server.listen(port, "127.0.0.1", () => console.log("ready"));
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => process.exit(0));
