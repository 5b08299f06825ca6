"use client";

import { useId } from "react";
import { useTranslations } from "next-intl";
import { DEFAULT_AUTO_RETRY, type AutoRetry } from "@/lib/campaigns/auto-retry";
import { TextField } from "@/components/ui/field";

/** A whole number typed into a field, kept within bounds (an empty or partial entry keeps the last good one). */
function bounded(text: string, min: number, max: number, fallback: number): number {
  const value = Number.parseInt(text, 10);
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

/**
 * What happens after the sends: how long an inbound message counts as a reply to the campaign, and
 * the optional automatic retry window for failures worth retrying.
 */
export function FollowUpFields({
  replyWindowHours,
  autoRetry,
  onChange,
}: {
  replyWindowHours: number;
  autoRetry: AutoRetry | null;
  onChange: (patch: { replyWindowHours?: number; autoRetry?: AutoRetry | null }) => void;
}) {
  const t = useTranslations("campaigns.builder");
  const retryId = useId();
  return (
    <div className="space-y-3">
      <TextField
        label={t("replyWindow")}
        type="number"
        min={1}
        max={720}
        value={replyWindowHours}
        hint={t("replyWindowHint")}
        onChange={(e) => onChange({ replyWindowHours: bounded(e.target.value, 1, 720, replyWindowHours) })}
        className="w-32"
      />
      <div className="flex items-start gap-2">
        <input id={retryId} type="checkbox" className="mt-1" checked={autoRetry !== null} onChange={(e) => onChange({ autoRetry: e.target.checked ? DEFAULT_AUTO_RETRY : null })} />
        <label htmlFor={retryId} className="text-sm">
          <span className="font-medium">{t("autoRetry")}</span>
          <span className="block text-zinc-600 dark:text-zinc-400">{t("autoRetryHint")}</span>
        </label>
      </div>
      {autoRetry && (
        <div className="flex flex-wrap gap-3 pl-6">
          <TextField
            label={t("autoRetryEvery")}
            type="number"
            min={1}
            max={72}
            value={autoRetry.everyHours}
            onChange={(e) => onChange({ autoRetry: { ...autoRetry, everyHours: bounded(e.target.value, 1, 72, autoRetry.everyHours) } })}
            className="w-28"
          />
          <TextField
            label={t("autoRetryFor")}
            type="number"
            min={1}
            max={14}
            value={autoRetry.forDays}
            onChange={(e) => onChange({ autoRetry: { ...autoRetry, forDays: bounded(e.target.value, 1, 14, autoRetry.forDays) } })}
            className="w-28"
          />
        </div>
      )}
    </div>
  );
}
