"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { listCampaignRecipientsAction } from "@/app/actions/campaigns/recipients";
import type { RecipientRow } from "@/lib/services/campaigns/types";
import { actionErrorText } from "@/components/inbox/timeline/action-error";
import { useRealtimeEvent } from "@/components/realtime/realtime-provider";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import { outcome } from "../action-outcome";

export const RECIPIENT_FILTERS = ["all", "sent", "delivered", "read", "replied", "clicked", "failed", "skipped"] as const;
type Filter = (typeof RECIPIENT_FILTERS)[number];

type Page = { rows: RecipientRow[]; nextCursor: string | null };

/** How long the table waits after the campaign's last progress signal before reading its rows again. */
const LIVE_RELOAD_MS = 1_000;

/** The latest thing that happened to a recipient, for the "when" column. */
function lastAt(row: RecipientRow): Date | null {
  return row.failedAt ?? row.clickedAt ?? row.repliedAt ?? row.readAt ?? row.deliveredAt ?? row.sentAt ?? null;
}

/**
 * The campaign's recipients, filtered by how far each got, with Meta's error for failures and the
 * reason for those skipped; more rows by cursor, and the whole list as CSV.
 */
export function RecipientsTable({ slug, campaignId, initial }: { slug: string; campaignId: string; initial: Page }) {
  const t = useTranslations("campaigns.recipients");
  const tCampaigns = useTranslations("campaigns");
  const tAll = useTranslations();
  const filterId = useId();
  const [filter, setFilter] = useState<Filter>("all");
  const [page, setPage] = useState<Page>(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // The rows follow the run (below); `paged` once more pages were loaded, which a reload would take away.
  const live = useRef<{ timer: ReturnType<typeof setTimeout> | null; filter: Filter; paged: boolean }>({ timer: null, filter, paged: false });

  async function load(next: Filter, cursor: string | null) {
    live.current.paged = cursor !== null;
    setBusy(true);
    setError(null);
    const result = await outcome<Page>(listCampaignRecipientsAction({ slug, campaignId, ...(next === "all" ? {} : { status: next }), ...(cursor ? { cursor } : {}) }));
    setBusy(false);
    if (!result?.data) {
      setError(actionErrorText(tAll, result) ?? tAll("errors.unknown"));
      return;
    }
    const data = result.data;
    setPage((current) => (cursor ? { rows: [...current.rows, ...data.rows], nextCursor: data.nextCursor } : data));
  }

  function changeFilter(next: Filter) {
    setFilter(next);
    void load(next, null);
  }

  // A progress signal of this campaign reads the shown filter again, once the signals pause.
  useEffect(() => {
    live.current.filter = filter;
  });
  useEffect(() => () => clearTimeout(live.current.timer ?? undefined), []);
  useRealtimeEvent("campaign.progress", (event) => {
    if (event.campaignId !== campaignId || live.current.paged) return;
    clearTimeout(live.current.timer ?? undefined);
    live.current.timer = setTimeout(() => void load(live.current.filter, null), LIVE_RELOAD_MS);
  });

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <div role="radiogroup" aria-label={t("filter")} className="flex flex-wrap rounded-md border border-zinc-300 text-sm dark:border-zinc-700">
          {RECIPIENT_FILTERS.map((value) => (
            <div key={value} className="px-2.5 py-1 has-checked:bg-zinc-200 dark:has-checked:bg-zinc-700">
              <input id={`${filterId}-${value}`} type="radio" name={filterId} className="sr-only" checked={filter === value} onChange={() => changeFilter(value)} />
              <label htmlFor={`${filterId}-${value}`} className="cursor-pointer">
                {t(`filters.${value}`)}
              </label>
            </div>
          ))}
        </div>
        <a href={`/api/w/${slug}/campaigns/${campaignId}/recipients`} className="ml-auto inline-flex h-8 items-center rounded-md border border-zinc-300 px-3 text-sm hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800" download>
          {t("export")}
        </a>
      </div>
      {error && <p role="alert" className="text-sm text-red-600 dark:text-red-400">{error}</p>}
      <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
        <table className="w-full text-left text-sm" aria-busy={busy || undefined}>
          <thead className="bg-zinc-50 text-xs text-zinc-500 uppercase dark:bg-zinc-900 dark:text-zinc-400">
            <tr>
              <th className="px-3 py-2 font-medium">{t("columns.contact")}</th>
              <th className="px-3 py-2 font-medium">{t("columns.phone")}</th>
              <th className="px-3 py-2 font-medium">{t("columns.status")}</th>
              <th className="px-3 py-2 font-medium">{t("columns.detail")}</th>
              <th className="px-3 py-2 font-medium">{t("columns.when")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {page.rows.map((row) => {
              const at = lastAt(row);
              return (
                <tr key={row.id} data-recipient={row.id} data-status={row.status}>
                  <td className="px-3 py-2">
                    <a href={`/w/${slug}/contacts/${row.contactId}`} className="hover:underline">
                      {row.contactName ?? t("unnamed")}
                    </a>
                  </td>
                  <td className="px-3 py-2 tabular-nums">{row.phone ?? "—"}</td>
                  <td className="px-3 py-2">
                    {t(`status.${row.status}`)}
                    {row.repliedAt && <span className="ml-1 text-xs text-emerald-700 dark:text-emerald-300">{t("replied")}</span>}
                    {row.clickedAt && <span className="ml-1 text-xs text-violet-700 dark:text-violet-300">{t("clicked")}</span>}
                  </td>
                  <td className="px-3 py-2 text-zinc-600 dark:text-zinc-400">
                    {row.status === "failed" && (row.errorCode !== null || row.error) ? (
                      <span className="text-red-700 dark:text-red-300">{row.errorCode !== null ? t("metaError", { code: row.errorCode, message: row.error ?? "" }) : row.error}</span>
                    ) : row.skipReason ? (
                      tCampaigns(`skip.${row.skipReason}`)
                    ) : null}
                  </td>
                  <td className="px-3 py-2 text-zinc-500 dark:text-zinc-400">{at ? <RelativeTime date={new Date(at)} notAfterNow /> : "—"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {page.rows.length === 0 && <p className="px-3 py-6 text-center text-sm text-zinc-500">{t("none")}</p>}
      </div>
      {page.nextCursor && (
        <Button variant="secondary" size="sm" pending={busy} onClick={() => void load(filter, page.nextCursor)}>
          {t("loadMore")}
        </Button>
      )}
    </div>
  );
}
