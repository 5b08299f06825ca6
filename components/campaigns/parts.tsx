"use client";

import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";

const TONES: Record<string, string> = {
  draft: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  scheduled: "bg-sky-100 text-sky-800 dark:bg-sky-900/40 dark:text-sky-200",
  preparing: "bg-amber-100 text-amber-800 dark:bg-amber-900/40 dark:text-amber-200",
  sending: "bg-amber-100 text-amber-800 dark:bg-amber-900/40 dark:text-amber-200",
  paused: "bg-orange-100 text-orange-800 dark:bg-orange-900/40 dark:text-orange-200",
  completed: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/40 dark:text-emerald-200",
  cancelled: "bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  failed: "bg-red-100 text-red-800 dark:bg-red-900/40 dark:text-red-200",
};

export const CAMPAIGN_STATUSES = ["draft", "scheduled", "preparing", "sending", "paused", "completed", "cancelled", "failed"] as const;

/** A campaign's status in words, coloured by where the run is. */
export function CampaignStatusBadge({ status }: { status: string }) {
  const t = useTranslations("campaigns.status");
  const known = (CAMPAIGN_STATUSES as readonly string[]).includes(status);
  return (
    <span className={cn("inline-flex rounded-full px-2 py-0.5 text-xs font-medium", TONES[status] ?? TONES.draft)} data-status={status}>
      {known ? t(status as "draft") : status}
    </span>
  );
}

/** A horizontal bar filled to `value` percent, announced as a progress bar. */
export function ProgressBar({ value, label, className, tone = "brand" }: { value: number; label: string; className?: string; tone?: "brand" | "sky" | "emerald" | "violet" | "amber" }) {
  const fill = { brand: "bg-brand-600", sky: "bg-sky-500", emerald: "bg-emerald-500", violet: "bg-violet-500", amber: "bg-amber-500" }[tone];
  return (
    <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={value} className={cn("h-2 w-full overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800", className)}>
      <div className={cn("h-full rounded-full transition-[width]", fill)} style={{ width: `${value}%` }} />
    </div>
  );
}
