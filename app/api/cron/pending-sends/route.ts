/**
 * Vercel Cron's entry to the pending-send sweep (vercel.json, every minute), where no long-lived
 * process runs the timer of instrumentation.ts: outbound messages left pending by a stopped
 * function become "outcome unknown" (lib/services/inbox/pending-sweep.ts).
 */
import { NextResponse } from "next/server";
import { isCronAuthorized } from "@/lib/http/cron-auth";
import { resolveStalePendingSends } from "@/lib/services/inbox/pending-sweep";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const maxDuration = 60;

export async function GET(request: Request): Promise<Response> {
  if (!isCronAuthorized(request)) return NextResponse.json({ error: "unauthorized" }, { status: 401 });
  return NextResponse.json(await resolveStalePendingSends());
}
