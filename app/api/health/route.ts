import { NextResponse } from "next/server";
import { jobsHealth } from "@/lib/jobs/health";
import { checkDatabase } from "@/lib/services/health";

export const dynamic = "force-dynamic";

/**
 * Liveness, database reachability and the background-task runner (mode, state, and per task the
 * jobs waiting and running), for load balancers, operators and the test runner. A runner that
 * failed to start makes the answer "degraded" without failing it: the inbox still works.
 */
export async function GET() {
  const database = await checkDatabase();
  const jobs = database ? await jobsHealth() : undefined;
  const status = !database ? "degraded" : jobs?.state === "failed" ? "degraded" : "ok";
  return NextResponse.json({ status, database, jobs }, { status: database ? 200 : 503 });
}
