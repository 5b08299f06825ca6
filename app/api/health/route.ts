import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/services/health";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for load balancers and the test runner. */
export async function GET() {
  const database = await checkDatabase();
  return NextResponse.json({ status: database ? "ok" : "degraded", database }, { status: database ? 200 : 503 });
}
