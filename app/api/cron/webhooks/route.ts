/**
 * Vercel Cron's entry to the webhook recovery sweep (vercel.json), where no long-lived process runs
 * the 30-second timer of instrumentation.ts. Vercel sends `Authorization: Bearer $CRON_SECRET`.
 */
import { timingSafeEqual } from "node:crypto";
import { NextResponse } from "next/server";
import { env } from "@/lib/env";
import { processPendingWebhookEvents } from "@/lib/services/webhooks/recover";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const maxDuration = 60;

function authorized(header: string | null): boolean {
  if (!env.CRON_SECRET || !header) return false;
  const given = Buffer.from(header);
  const expected = Buffer.from(`Bearer ${env.CRON_SECRET}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function GET(request: Request): Promise<Response> {
  if (!authorized(request.headers.get("authorization"))) return NextResponse.json({ error: "unauthorized" }, { status: 401 });
  const result = await processPendingWebhookEvents({ olderThanMs: 30_000, limit: 200 });
  return NextResponse.json(result);
}
