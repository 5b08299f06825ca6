"use client";

import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";

const TONES: Record<string, string> = {
  DRAFT: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  PENDING: "bg-amber-100 text-amber-800 dark:bg-amber-900/40 dark:text-amber-200",
  IN_APPEAL: "bg-amber-100 text-amber-800 dark:bg-amber-900/40 dark:text-amber-200",
  APPROVED: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/40 dark:text-emerald-200",
  REJECTED: "bg-red-100 text-red-800 dark:bg-red-900/40 dark:text-red-200",
  PAUSED: "bg-orange-100 text-orange-800 dark:bg-orange-900/40 dark:text-orange-200",
  DISABLED: "bg-red-100 text-red-800 dark:bg-red-900/40 dark:text-red-200",
};

const KNOWN = new Set(["DRAFT", "PENDING", "APPROVED", "REJECTED", "PAUSED", "DISABLED", "IN_APPEAL", "PENDING_DELETION", "DELETED", "LIMIT_EXCEEDED"]);

/** A template's review status in words, coloured by what it means for sending. */
export function StatusBadge({ status }: { status: string }) {
  const t = useTranslations("templates.status");
  return (
    <span className={cn("inline-flex rounded-full px-2 py-0.5 text-xs font-medium", TONES[status] ?? TONES.DRAFT)} data-status={status}>
      {KNOWN.has(status) ? t(status as "DRAFT") : status}
    </span>
  );
}

const DOTS: Record<string, string> = { GREEN: "bg-emerald-500", YELLOW: "bg-amber-400", RED: "bg-red-500" };

/** Meta's quality rating: a coloured dot and its word; unknown until Meta has rated enough sends. */
export function QualityBadge({ score }: { score: string | null }) {
  const t = useTranslations("templates.quality");
  const value = score && DOTS[score] ? score : "UNKNOWN";
  return (
    <span className="inline-flex items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-300" data-quality={value}>
      <span className={cn("size-2 rounded-full", DOTS[value] ?? "bg-zinc-300 dark:bg-zinc-600")} aria-hidden />
      {t(value as "UNKNOWN")}
    </span>
  );
}
