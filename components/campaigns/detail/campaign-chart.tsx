"use client";

import { useEffect, useRef, useState } from "react";
import { useFormatter, useTranslations, type DateTimeFormatOptions } from "next-intl";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { campaignTimelineAction } from "@/app/actions/campaigns/timeline";
import type { CampaignTimeline } from "@/lib/services/campaigns/timeline";
import { useRealtimeEvent } from "@/components/realtime/realtime-provider";
import { outcome } from "../action-outcome";

/** At most one refetch per this long, however fast `campaign.progress` signals come. */
const REFETCH_INTERVAL_MS = 2_000;

const SERIES = ["sent", "delivered", "read", "failed"] as const;
type Series = (typeof SERIES)[number];
type Point = { t: number } & Record<Series, number>;

/** The lines' colours as CSS variables, one set for light and one for dark (the funnel's tones). */
const COLOURS =
  "[--chart-sent:#059669] [--chart-delivered:#0284c7] [--chart-read:#7c3aed] [--chart-failed:#dc2626] [--chart-tooltip-bg:#ffffff] [--chart-tooltip-border:#e4e4e7] " +
  "dark:[--chart-sent:#34d399] dark:[--chart-delivered:#38bdf8] dark:[--chart-read:#a78bfa] dark:[--chart-failed:#f87171] dark:[--chart-tooltip-bg:#18181b] dark:[--chart-tooltip-border:#3f3f46]";

/**
 * The campaign's timeline as points: zero at the start of the first bucket, then each bucket's
 * cumulative counts at its end (when they held).
 */
export function timelinePoints(timeline: CampaignTimeline): Point[] {
  const first = timeline.buckets[0];
  if (!first) return [];
  return [
    { t: new Date(first.start).getTime(), sent: 0, delivered: 0, read: 0, failed: 0 },
    ...timeline.buckets.map((b) => ({ t: new Date(b.end).getTime(), sent: b.sent, delivered: b.delivered, read: b.read, failed: b.failed })),
  ];
}

/** How a time on the axis reads for buckets `width` seconds wide over `spanMs`. */
function timeFormat(width: number, spanMs: number, timeZone: string): DateTimeFormatOptions {
  if (width >= 86_400) return { month: "short", day: "numeric", timeZone };
  const withDay = spanMs > 20 * 3_600_000 ? ({ month: "short", day: "numeric" } as const) : {};
  return width < 60 ? { ...withDay, hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone } : { ...withDay, hour: "2-digit", minute: "2-digit", timeZone };
}

/**
 * Sent, delivered, read (and failed, once any) over time, cumulative, on the workspace's clock;
 * refetched on the live progress signal (at most every REFETCH_INTERVAL_MS). Screen readers get the
 * same figures as a table; before the first send, a line saying so.
 */
export function CampaignChart({ slug, campaignId, initial }: { slug: string; campaignId: string; initial: CampaignTimeline }) {
  const t = useTranslations("campaigns.detail");
  const format = useFormatter();
  const [timeline, setTimeline] = useState(initial);
  const [seen, setSeen] = useState(initial);
  if (seen !== initial) {
    setSeen(initial);
    setTimeline(initial);
  }

  const lastFetch = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  useRealtimeEvent("campaign.progress", (event) => {
    if (event.campaignId !== campaignId || timer.current) return;
    const wait = Math.max(0, lastFetch.current + REFETCH_INTERVAL_MS - Date.now());
    timer.current = setTimeout(() => {
      lastFetch.current = Date.now();
      void outcome<CampaignTimeline>(campaignTimelineAction({ slug, campaignId })).then((result) => {
        timer.current = null;
        if (result?.data) setTimeline(result.data);
      });
    }, wait);
  });

  const points = timelinePoints(timeline);
  const last = points.at(-1);
  const shown = SERIES.filter((key) => key !== "failed" || (last?.failed ?? 0) > 0);
  const span = points.length > 1 ? points.at(-1)!.t - points[0]!.t : 0;
  const options = timeFormat(timeline.bucketSeconds ?? 1, span, timeline.timeZone);
  const time = (ms: number) => format.dateTime(new Date(ms), options);
  const full = (ms: number) => format.dateTime(new Date(ms), { dateStyle: "medium", timeStyle: (timeline.bucketSeconds ?? 1) < 60 ? "medium" : "short", timeZone: timeline.timeZone });

  return (
    <section className="space-y-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800" aria-labelledby="campaign-chart-title" data-campaign-chart>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="campaign-chart-title" className="text-sm font-semibold">
          {t("chart.title")}
        </h2>
        {last && <p className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">{t("chart.summary", { time: full(last.t), sent: last.sent, delivered: last.delivered, read: last.read })}</p>}
      </div>
      {!last ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400" data-chart-empty>
          {t("chart.empty")}
        </p>
      ) : (
        <>
          <div className={`h-64 w-full text-zinc-500 dark:text-zinc-400 ${COLOURS}`} aria-hidden="true">
            <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 256 }}>
              <LineChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
                <CartesianGrid stroke="currentColor" strokeOpacity={0.2} strokeDasharray="3 3" />
                <XAxis dataKey="t" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={time} stroke="currentColor" tick={{ fill: "currentColor", fontSize: 12 }} minTickGap={24} />
                <YAxis allowDecimals={false} stroke="currentColor" tick={{ fill: "currentColor", fontSize: 12 }} width={48} tickFormatter={(value: number) => format.number(value)} />
                <Tooltip
                  labelFormatter={(label) => full(Number(label))}
                  formatter={(value) => format.number(Number(value))}
                  contentStyle={{ background: "var(--chart-tooltip-bg)", borderColor: "var(--chart-tooltip-border)", borderRadius: 6, fontSize: 12 }}
                  labelStyle={{ color: "inherit" }}
                />
                <Legend wrapperStyle={{ fontSize: 12 }} />
                {shown.map((key) => (
                  <Line key={key} dataKey={key} name={t(`counters.${key}`)} type="linear" stroke={`var(--chart-${key})`} strokeWidth={2} dot={false} isAnimationActive={false} strokeDasharray={key === "failed" ? "4 3" : undefined} />
                ))}
              </LineChart>
            </ResponsiveContainer>
          </div>
          <table className="sr-only">
            <caption>{t("chart.tableCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("chart.time")}</th>
                {shown.map((key) => (
                  <th key={key} scope="col">
                    {t(`counters.${key}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {points.slice(1).map((point) => (
                <tr key={point.t}>
                  <th scope="row">{full(point.t)}</th>
                  {shown.map((key) => (
                    <td key={key}>{format.number(point[key])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
