/**
 * A campaign over time, for the chart on its page: sent, delivered, read, replied and failed as
 * cumulative counts at the end of each time bucket, from its recipients' own timestamps.
 *
 * Cumulative, not per bucket: the page asks "how far has the campaign got by then", and the gaps
 * between the lines are the funnel at every moment (delivered trailing sent, read trailing
 * delivered), where per-bucket bars at a second's or a minute's width are mostly zeros and spikes.
 * The last bucket holds what the counters hold: a recipient is counted as its counters count it now,
 * at the moments of its own events — one that failed after Meta accepted it leaves "sent" and joins
 * "failed" at its `failedAt`, one that recovered (delivered after a failure) stays in "sent".
 *
 * One set-based statement does it all: the events unpivoted from the recipient rows (LATERAL
 * VALUES), the first and last event, the bucket width (the smallest of BUCKET_WIDTHS giving at most
 * MAX_BUCKETS buckets: a minute-long campaign gets seconds, a day-long one minutes or hours), the
 * counts per bucket, empty buckets filled (generate_series) and the running sums (window). Buckets
 * are aligned on the workspace's wall clock (an hour starts at :00 and a day at midnight there,
 * also for a zone half an hour off UTC).
 */
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { Prisma } from "@/lib/db";
import { tenantDb } from "@/lib/db/tenant";
import { sqlName } from "@/lib/services/webhooks/sql";
import { findCampaign } from "./shared";

/** At most this many buckets (a few more only past BUCKET_WIDTHS' largest, see bucketWidthSeconds). */
export const MAX_BUCKETS = 60;

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The widths a bucket may have, in seconds, smallest first: round steps a time axis reads well. */
export const BUCKET_WIDTHS: readonly number[] = [
  1, 2, 5, 10, 15, 30,
  MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE,
  HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR,
  DAY, 2 * DAY, 7 * DAY,
];

/**
 * The bucket width for events between `first` and `last` (seconds on the workspace's wall clock):
 * the smallest of BUCKET_WIDTHS whose aligned buckets number at most MAX_BUCKETS, else whole weeks
 * enough to stay under it. The statement below applies the same rule in SQL; the integration test
 * checks that the two agree.
 */
export function bucketWidthSeconds(first: number, last: number): number {
  for (const width of BUCKET_WIDTHS) {
    if (Math.floor(last / width) - Math.floor(first / width) + 1 <= MAX_BUCKETS) return width;
  }
  return Math.ceil((last - first) / (MAX_BUCKETS - 1) / (7 * DAY)) * 7 * DAY;
}

/** One bucket: counts as they stood at its end (`end` exclusive). */
export interface TimelineBucket {
  start: Date;
  end: Date;
  sent: number;
  delivered: number;
  read: number;
  replied: number;
  failed: number;
}

export interface CampaignTimeline {
  /** The bucket width in seconds; null before the first event. */
  bucketSeconds: number | null;
  /** The workspace's IANA zone, on whose wall clock the buckets are aligned. */
  timeZone: string;
  /** Oldest first, no gaps; empty before the campaign's first send. */
  buckets: TimelineBucket[];
}

interface Row {
  start: Date;
  end: Date;
  width: number;
  timeZone: string;
  sent: number;
  delivered: number;
  read: number;
  replied: number;
  failed: number;
}

/** The campaign's sent, delivered, read, replied and failed over time (any member); another workspace's id: not found. */
export async function campaignTimeline(ctx: WorkspaceContext, campaignId: string): Promise<CampaignTimeline> {
  authorize(ctx, "campaign:view");
  const db = tenantDb(ctx);
  const campaign = await findCampaign(db, campaignId, { id: true });
  const widths = Prisma.sql`ARRAY[${Prisma.join(BUCKET_WIDTHS.map((w) => Prisma.sql`${w}::float8`))}]`;
  const largest = BUCKET_WIDTHS.at(-1)!;

  const rows = await db.$queryRaw<Row[]>`
    WITH zone AS (
      SELECT w.timezone AS name FROM ${sqlName("Workspace")} w WHERE w.id = ${ctx.workspaceId}
    ), events AS (
      SELECT e.kind, e.delta, extract(epoch FROM ((e.at AT TIME ZONE 'UTC') AT TIME ZONE zone.name))::float8 AS s
        FROM ${sqlName("CampaignRecipient")} r
       CROSS JOIN zone
       CROSS JOIN LATERAL (VALUES
         ('sent', 1, r."sentAt"),
         ('sent', -1, CASE WHEN r.status = 'failed' AND r."sentAt" IS NOT NULL THEN r."failedAt" END),
         ('delivered', 1, r."deliveredAt"),
         ('read', 1, r."readAt"),
         ('replied', 1, r."repliedAt"),
         ('failed', 1, CASE WHEN r.status = 'failed' THEN r."failedAt" END)
       ) AS e(kind, delta, at)
       WHERE r."workspaceId" = ${ctx.workspaceId} AND r."campaignId" = ${campaign.id} AND e.at IS NOT NULL
    ), bounds AS (
      SELECT min(s) AS first, max(s) AS last FROM events HAVING count(*) > 0
    ), width AS (
      SELECT coalesce(
               (SELECT min(w) FROM unnest(${widths}) AS w WHERE floor(b.last / w) - floor(b.first / w) + 1 <= ${MAX_BUCKETS}),
               ceil((b.last - b.first) / ${MAX_BUCKETS - 1} / ${largest}) * ${largest}
             ) AS w, b.first, b.last
        FROM bounds b
    ), counted AS (
      SELECT floor(ev.s / width.w)::bigint AS k,
             sum(ev.delta) FILTER (WHERE ev.kind = 'sent') AS sent,
             sum(ev.delta) FILTER (WHERE ev.kind = 'delivered') AS delivered,
             sum(ev.delta) FILTER (WHERE ev.kind = 'read') AS read,
             sum(ev.delta) FILTER (WHERE ev.kind = 'replied') AS replied,
             sum(ev.delta) FILTER (WHERE ev.kind = 'failed') AS failed
        FROM events ev CROSS JOIN width
       GROUP BY 1
    ), series AS (
      SELECT k, width.w FROM width, generate_series(floor(width.first / width.w)::bigint, floor(width.last / width.w)::bigint) AS k
    )
    SELECT (to_timestamp(series.k * series.w) AT TIME ZONE 'UTC') AT TIME ZONE zone.name AS start,
           (to_timestamp((series.k + 1) * series.w) AT TIME ZONE 'UTC') AT TIME ZONE zone.name AS "end",
           series.w::int AS width,
           zone.name AS "timeZone",
           (sum(coalesce(c.sent, 0)) OVER running)::int AS sent,
           (sum(coalesce(c.delivered, 0)) OVER running)::int AS delivered,
           (sum(coalesce(c.read, 0)) OVER running)::int AS read,
           (sum(coalesce(c.replied, 0)) OVER running)::int AS replied,
           (sum(coalesce(c.failed, 0)) OVER running)::int AS failed
      FROM series
      CROSS JOIN zone
      LEFT JOIN counted c ON c.k = series.k
    WINDOW running AS (ORDER BY series.k)
     ORDER BY series.k`;

  if (rows.length === 0) {
    const workspace = await db.workspace.findFirst({ where: { id: ctx.workspaceId }, select: { timezone: true } });
    return { bucketSeconds: null, timeZone: workspace?.timezone ?? "UTC", buckets: [] };
  }
  return {
    bucketSeconds: rows[0]!.width,
    timeZone: rows[0]!.timeZone,
    buckets: rows.map(({ start, end, sent, delivered, read, replied, failed }) => ({ start, end, sent, delivered, read, replied, failed })),
  };
}
