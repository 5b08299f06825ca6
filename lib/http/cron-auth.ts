/**
 * Vercel Cron's requests carry `Authorization: Bearer $CRON_SECRET` (vercel.json lists the
 * routes). Without CRON_SECRET no request is authorized: the cron routes are closed.
 */
import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

export function isCronAuthorized(request: Request): boolean {
  const header = request.headers.get("authorization");
  if (!env.CRON_SECRET || !header) return false;
  const given = Buffer.from(header);
  const expected = Buffer.from(`Bearer ${env.CRON_SECRET}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
