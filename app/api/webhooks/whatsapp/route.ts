/**
 * Meta's webhook for WhatsApp (DESIGN.md, "Interfaces"): GET answers the subscription handshake;
 * POST verifies X-Hub-Signature-256 over the raw body, stores the event (one INSERT) and answers
 * 200 at once; the event is processed after the response. See lib/services/webhooks/README.md.
 */
import { after } from "next/server";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { beginAcknowledgement } from "@/lib/services/webhooks/ack-pressure";
import { ingestWebhook } from "@/lib/services/webhooks/ingest-webhook";
import { processSoon } from "@/lib/services/webhooks/background";
import { verifySubscription } from "@/lib/services/webhooks/verify-subscription";
import { MAX_WEBHOOK_BODY_BYTES, readLimitedBody } from "@/lib/whatsapp/webhook/raw-body";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const log = logger("webhooks.route");

function text(status: number, body: string): Response {
  return new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" } });
}

export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const challenge = await verifySubscription({
    mode: params.get("hub.mode"),
    token: params.get("hub.verify_token"),
    challenge: params.get("hub.challenge"),
  });
  return challenge === null ? text(403, "Forbidden") : text(200, challenge);
}

export async function POST(request: Request): Promise<Response> {
  const end = beginAcknowledgement();
  try {
    return await acknowledge(request);
  } finally {
    end();
  }
}

async function acknowledge(request: Request): Promise<Response> {
  let body: Awaited<ReturnType<typeof readLimitedBody>>;
  try {
    body = await readLimitedBody(request, MAX_WEBHOOK_BODY_BYTES);
  } catch {
    return text(400, "Unreadable body");
  }
  if (!body.ok) return text(413, "Payload too large");

  let result: Awaited<ReturnType<typeof ingestWebhook>>;
  try {
    result = await ingestWebhook({ body: body.bytes, signatureHeader: request.headers.get("x-hub-signature-256") });
  } catch (error) {
    // Not stored: Meta retries non-200 answers (for up to 7 days), so nothing is lost.
    log.error({ err: error }, "could not store a webhook delivery");
    return text(503, "Try again later");
  }
  if (result.outcome === "rejected") return text(result.status, result.status === 401 ? "Invalid signature" : "Bad request");
  // Stored already: the first copy is (or was) processed; answering 200 stops Meta's retries.
  if (result.outcome === "duplicate") return text(200, "OK");

  const { eventId, process } = result;
  if (process) {
    after(() => {
      const processing = processSoon(eventId).then(
        () => undefined,
        (error: unknown) => log.error({ err: error, eventId }, "webhook processing failed; the sweep will retry it"),
      );
      // On Vercel the function may freeze once after() settles, so it waits for processing. A
      // long-lived server must not: in a burst thousands of events wait for a processing slot,
      // and as many pending after() callbacks cost the acknowledgements a third of their rate
      // (bench/README.md, "webhook-ingest").
      return env.VERCEL ? processing : undefined;
    });
  }
  return text(200, "OK");
}
