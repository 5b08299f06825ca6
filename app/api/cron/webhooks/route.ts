/**
 * Vercel Cron's entry to the webhook recovery sweep (vercel.json), where no long-lived process runs
 * the 30-second timer of instrumentation.ts. Vercel sends `Authorization: Bearer $CRON_SECRET`.
 */
import { NextResponse } from "next/server";
import { isCronAuthorized } from "@/lib/http/cron-auth";
import { processPendingWebhookEvents } from "@/lib/services/webhooks/recover";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const maxDuration = 60;

export async function GET(request: Request): Promise<Response> {
  if (!isCronAuthorized(request)) return NextResponse.json({ error: "unauthorized" }, { status: 401 });
  const result = await processPendingWebhookEvents({ olderThanMs: 30_000, limit: 200 });
  return NextResponse.json(result);
}
