/**
 * The arithmetic the campaign screens show: how far a run is, each stage as a share of the sent,
 * a live `campaign.progress` signal folded into a row, and a wall-clock time in the workspace's
 * timezone turned into the instant a launch is scheduled for.
 */
import { TZDate } from "@date-fns/tz";

/** Counters a screen reads; a CampaignRow (or CampaignDetail) has them all. */
export interface CampaignCounters {
  status: string;
  totalCount: number;
  sentCount: number;
  deliveredCount: number;
  readCount: number;
  repliedCount: number;
  clickedCount: number;
  failedCount: number;
  skippedCount: number;
  /** Not yet settled; absent on list rows (then total minus settled). */
  pendingCount?: number;
}

/** A share of `whole` as a whole percentage, 0 when there is nothing to share (never NaN, never above 100). */
export function percent(part: number, whole: number): number {
  if (!(whole > 0) || !(part > 0)) return 0;
  return Math.min(100, Math.round((part / whole) * 100));
}

/** Recipients not yet settled: the signal's count when it gave one, else those neither sent, failed nor skipped. */
export function pendingOf(counters: CampaignCounters): number {
  if (counters.pendingCount !== undefined) return counters.pendingCount;
  return Math.max(0, counters.totalCount - counters.sentCount - counters.failedCount - counters.skippedCount);
}

/** How far the run is: settled recipients over all of them, as a percentage. */
export function progressPercent(counters: CampaignCounters): number {
  return percent(counters.totalCount - pendingOf(counters), counters.totalCount);
}

/** Delivered, read and replied as shares of the sent (what Meta's own dashboards show). */
export function rates(counters: CampaignCounters): { delivered: number; read: number; replied: number; clicked: number } {
  return {
    delivered: percent(counters.deliveredCount, counters.sentCount),
    read: percent(counters.readCount, counters.sentCount),
    replied: percent(counters.repliedCount, counters.sentCount),
    clicked: percent(counters.clickedCount, counters.sentCount),
  };
}

/** The `campaign.progress` payload (lib/realtime/events.ts), as far as the screens read it. */
export interface ProgressSignal {
  status?: string;
  total: number;
  pending?: number;
  sent: number;
  delivered: number;
  read: number;
  replied?: number;
  clicked?: number;
  failed: number;
  skipped?: number;
}

/** A row with a progress signal's counters; counters the signal left out keep their value. */
export function applyProgress<T extends CampaignCounters>(row: T, signal: ProgressSignal): T {
  return {
    ...row,
    status: signal.status ?? row.status,
    totalCount: signal.total,
    sentCount: signal.sent,
    deliveredCount: signal.delivered,
    readCount: signal.read,
    failedCount: signal.failed,
    repliedCount: signal.replied ?? row.repliedCount,
    clickedCount: signal.clicked ?? row.clickedCount,
    skippedCount: signal.skipped ?? row.skippedCount,
    ...(signal.pending !== undefined ? { pendingCount: signal.pending } : {}),
  };
}

/**
 * "2026-12-24" and "09:30" read on the workspace's clock (an IANA zone) → the ISO instant, or null
 * when either does not read as a real date and time.
 */
export function scheduleToIso(date: string, time: string, timeZone: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const [year, month, day, hour, minute] = [Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2])];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const at = new TZDate(year, month - 1, day, hour, minute, timeZone);
  // 31 February rolls over into March: refuse it rather than schedule another day.
  if (at.getFullYear() !== year || at.getMonth() !== month - 1 || at.getDate() !== day) return null;
  return new Date(at.getTime()).toISOString();
}

/** An instant as the date and time inputs show it on the workspace's clock (for rescheduling). */
export function isoToSchedule(iso: Date | string, timeZone: string): { date: string; time: string } {
  const at = new TZDate(new Date(iso).getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return { date: `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`, time: `${pad(at.getHours())}:${pad(at.getMinutes())}` };
}

/** A phone number as Meta takes it: +, then 8 to 15 digits, the first not 0. */
export function isE164(value: string): boolean {
  return /^\+[1-9]\d{7,14}$/.test(value.trim());
}
