/**
 * The reference route of `npm run bench:webhook-ingest` (bench/webhook-ingest): the webhook's
 * acknowledgement work minus the database — read the raw body, check X-Hub-Signature-256
 * (HMAC-SHA256 of the bytes under META_APP_SECRET), JSON.parse — then 200. Measured in the same
 * build as the webhook route, it gives the framework's ceiling for such a handler on this machine.
 *
 * Answers 404 to everything unless PARLEY_BENCH_ROUTES=1 (set only by the benchmark), and always
 * on Vercel: it is never reachable in a deployment.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;

function text(status: number, body: string): Response {
  return new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

function enabled(): boolean {
  return env.PARLEY_BENCH_ROUTES && !env.VERCEL;
}

export async function POST(request: Request): Promise<Response> {
  if (!enabled()) return text(404, "Not found");
  const secret = env.META_APP_SECRET;
  const hex = SIGNATURE.exec(request.headers.get("x-hub-signature-256")?.trim() ?? "")?.[1];
  const body = Buffer.from(await request.arrayBuffer());
  if (!secret || !hex) return text(401, "Invalid signature");
  const expected = createHmac("sha256", secret).update(body).digest();
  if (!timingSafeEqual(expected, Buffer.from(hex, "hex"))) return text(401, "Invalid signature");
  try {
    JSON.parse(body.toString("utf8"));
  } catch {
    return text(400, "Bad request");
  }
  return text(200, "OK");
}

/** Every other method: 404 while disabled (nothing hints the route exists), 405 while enabled. */
function otherMethod(): Response {
  return enabled() ? new Response("Method not allowed", { status: 405, headers: { allow: "POST" } }) : text(404, "Not found");
}

export { otherMethod as GET, otherMethod as PUT, otherMethod as PATCH, otherMethod as DELETE, otherMethod as OPTIONS };
