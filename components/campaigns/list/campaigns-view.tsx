"use client";

import Link from "next/link";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { CampaignRow } from "@/lib/services/campaigns/types";
import { useRealtimeCatchUp, useRealtimeEvent } from "@/components/realtime/realtime-provider";
import { RelativeTime } from "@/components/ui/relative-time";
import { CampaignStatusBadge, ProgressBar } from "../parts";
import { applyProgress, pendingOf, progressPercent, rates } from "../progress";

/**
 * Every campaign of the workspace: template, status, how far the run is and how it lands (delivered,
 * read, replied as shares of the sent), the counters following `campaign.progress` live.
 */
export function CampaignsView({ slug, initialRows, languageLabels }: { slug: string; initialRows: CampaignRow[]; languageLabels: Record<string, string> }) {
  const t = useTranslations("campaigns");
  const router = useRouter();
  const [rows, setRows] = useState(initialRows);
  const [seen, setSeen] = useState(initialRows);
  // A refresh from the server (router.refresh) hands new rows: take them over the live patches.
  if (seen !== initialRows) {
    setSeen(initialRows);
    setRows(initialRows);
  }

  useRealtimeEvent("campaign.progress", (event) => {
    if (!rows.some((row) => row.id === event.campaignId)) {
      router.refresh();
      return;
    }
    setRows((current) => current.map((row) => (row.id === event.campaignId ? applyProgress(row, event) : row)));
  });
  useRealtimeCatchUp(() => router.refresh());

  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table className="w-full text-left text-sm">
        <thead className="bg-zinc-50 text-xs text-zinc-500 uppercase dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            <th className="px-3 py-2 font-medium">{t("columns.name")}</th>
            <th className="px-3 py-2 font-medium">{t("columns.template")}</th>
            <th className="px-3 py-2 font-medium">{t("columns.status")}</th>
            <th className="px-3 py-2 font-medium">{t("columns.progress")}</th>
            <th className="px-3 py-2 text-right font-medium">{t("columns.delivered")}</th>
            <th className="px-3 py-2 text-right font-medium">{t("columns.read")}</th>
            <th className="px-3 py-2 text-right font-medium">{t("columns.replied")}</th>
            <th className="px-3 py-2 font-medium">{t("columns.when")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {rows.map((row) => {
            const progress = progressPercent(row);
            const rate = rates(row);
            return (
              <tr key={row.id} data-campaign={row.id}>
                <td className="px-3 py-2 font-medium">
                  <Link href={`/w/${slug}/campaigns/${row.id}`} prefetch={false} className="hover:underline">
                    {row.name}
                  </Link>
                </td>
                <td className="px-3 py-2">
                  {row.templateName ? (
                    <>
                      {row.templateName}
                      {row.templateLanguage && <span className="ml-1 text-xs text-zinc-500 dark:text-zinc-400">{languageLabels[row.templateLanguage] ?? row.templateLanguage}</span>}
                    </>
                  ) : (
                    <span className="text-zinc-400">{t("noTemplate")}</span>
                  )}
                </td>
                <td className="px-3 py-2">
                  <CampaignStatusBadge status={row.status} />
                </td>
                <td className="min-w-40 px-3 py-2">
                  <ProgressBar value={progress} label={t("progressOf", { name: row.name })} />
                  <p className="mt-1 text-xs text-zinc-500 tabular-nums dark:text-zinc-400">{t("progressCount", { done: row.totalCount - pendingOf(row), total: row.totalCount })}</p>
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{t("rate", { value: rate.delivered })}</td>
                <td className="px-3 py-2 text-right tabular-nums">{t("rate", { value: rate.read })}</td>
                <td className="px-3 py-2 text-right tabular-nums">{t("rate", { value: rate.replied })}</td>
                <td className="px-3 py-2 text-zinc-500 dark:text-zinc-400">
                  {row.startedAt ? (
                    <span>{t.rich("startedAt", { time: () => <RelativeTime date={new Date(row.startedAt!)} notAfterNow /> })}</span>
                  ) : row.scheduledAt ? (
                    <span>{t.rich("scheduledFor", { time: () => <RelativeTime date={new Date(row.scheduledAt!)} /> })}</span>
                  ) : (
                    <span>{t.rich("createdAt", { time: () => <RelativeTime date={new Date(row.createdAt)} notAfterNow /> })}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
