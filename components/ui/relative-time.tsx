"use client";

import { useFormatter } from "next-intl";
import { useClock } from "./clock";

interface Options {
  /** For instants that cannot lie ahead (a message's): a clock a tick behind never shows "in 4 seconds". */
  notAfterNow?: boolean;
}

/**
 * "2 minutes ago", "in 7 days": the same text on the server and in the browser's first render
 * (both read the server's render time), then kept current by the shared clock.
 */
export function useRelativeTime(date: Date, { notAfterNow = false }: Options = {}): string {
  const format = useFormatter();
  return useClock((now) => format.relativeTime(date, notAfterNow && date > now ? date : now));
}

/** A `<time>` reading relative to now, with the full date and time as its tooltip. */
export function RelativeTime({ date, notAfterNow, className }: { date: Date; className?: string } & Options) {
  const format = useFormatter();
  const text = useRelativeTime(date, { notAfterNow });
  return (
    <time dateTime={date.toISOString()} title={format.dateTime(date, { dateStyle: "medium", timeStyle: "short" })} className={className}>
      {text}
    </time>
  );
}
