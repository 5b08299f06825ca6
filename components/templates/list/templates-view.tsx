"use client";

import Link from "next/link";
import { useCallback, useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import { listTemplatesAction } from "@/app/actions/templates/list";
import { syncTemplatesAction } from "@/app/actions/templates/sync";
import { actionErrorText } from "@/components/inbox/timeline/action-error";
import { useRealtimeCatchUp, useRealtimeEvent } from "@/components/realtime/realtime-provider";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import { QualityBadge, StatusBadge } from "./status-badge";
import { filterRows, toRow, type TemplateFilters, type TemplateRow } from "./types";

const STATUSES = ["DRAFT", "PENDING", "APPROVED", "REJECTED", "PAUSED", "DISABLED"] as const;
const CATEGORIES = ["MARKETING", "UTILITY", "AUTHENTICATION"] as const;
const QUALITIES = ["GREEN", "YELLOW", "RED", "UNKNOWN"] as const;

const select =
  "h-9 rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900";

function writeUrl(filters: TemplateFilters) {
  const query = new URLSearchParams();
  if (filters.search) query.set("q", filters.search);
  for (const key of ["status", "category", "language", "quality"] as const) if (filters[key]) query.set(key, filters[key]);
  const search = query.toString();
  window.history.replaceState(window.history.state, "", `${window.location.pathname}${search ? `?${search}` : ""}`);
}

/**
 * Every template of the workspace: filters and search (kept in the URL), sync from Meta, and rows
 * that follow Meta's review live (`template.updated`).
 */
export function TemplatesView({
  slug,
  initialRows,
  initialFilters,
  canManage,
  languageLabels,
}: {
  slug: string;
  initialRows: TemplateRow[];
  initialFilters: TemplateFilters;
  canManage: boolean;
  languageLabels: Record<string, string>;
}) {
  const t = useTranslations("templates");
  const tAll = useTranslations();
  const [rows, setRows] = useState(initialRows);
  const [filters, setFilters] = useState<TemplateFilters>(initialFilters);
  const [syncing, setSyncing] = useState(false);
  const [notice, setNotice] = useState<{ tone: "ok" | "error"; text: string } | null>(null);

  const refresh = useCallback(async () => {
    const result = await listTemplatesAction({ slug }).catch(() => undefined);
    if (result?.data) setRows(result.data.map(toRow));
  }, [slug]);
  useRealtimeEvent("template.updated", () => void refresh());
  useRealtimeCatchUp(() => void refresh());

  function change(patch: Partial<TemplateFilters>) {
    const next = { ...filters, ...patch };
    setFilters(next);
    writeUrl(next);
  }

  async function sync() {
    setSyncing(true);
    setNotice(null);
    const result = await syncTemplatesAction({ slug }).catch(() => undefined);
    setSyncing(false);
    if (result?.data) {
      setNotice({ tone: "ok", text: t("synced", { count: result.data.synced }) });
      await refresh();
    } else setNotice({ tone: "error", text: actionErrorText(tAll, result) ?? tAll("errors.unknown") });
  }

  const languages = useMemo(() => [...new Set(rows.map((row) => row.language))].sort(), [rows]);
  const shown = filterRows(rows, filters);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <input
          type="search"
          value={filters.search}
          onChange={(e) => change({ search: e.target.value })}
          placeholder={t("searchPlaceholder")}
          aria-label={t("search")}
          className="h-9 w-64 rounded-md border border-zinc-300 bg-white px-3 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        />
        <select aria-label={t("filterStatus")} className={select} value={filters.status} onChange={(e) => change({ status: e.target.value })}>
          <option value="">{t("allStatuses")}</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </select>
        <select aria-label={t("filterCategory")} className={select} value={filters.category} onChange={(e) => change({ category: e.target.value })}>
          <option value="">{t("allCategories")}</option>
          {CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {t(`category.${category}`)}
            </option>
          ))}
        </select>
        <select aria-label={t("filterLanguage")} className={select} value={filters.language} onChange={(e) => change({ language: e.target.value })}>
          <option value="">{t("allLanguages")}</option>
          {languages.map((code) => (
            <option key={code} value={code}>
              {languageLabels[code] ?? code}
            </option>
          ))}
        </select>
        <select aria-label={t("filterQuality")} className={select} value={filters.quality} onChange={(e) => change({ quality: e.target.value })}>
          <option value="">{t("allQualities")}</option>
          {QUALITIES.map((quality) => (
            <option key={quality} value={quality}>
              {t(`quality.${quality}`)}
            </option>
          ))}
        </select>
        <div className="ml-auto">
          <Button variant="secondary" size="sm" pending={syncing} onClick={() => void sync()}>
            {t("syncNow")}
          </Button>
        </div>
      </div>
      {notice && (
        <p role={notice.tone === "error" ? "alert" : "status"} className={notice.tone === "error" ? "text-sm text-red-600 dark:text-red-400" : "text-sm text-emerald-700 dark:text-emerald-300"}>
          {notice.text}
        </p>
      )}
      <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
        <table className="w-full text-left text-sm">
          <thead className="bg-zinc-50 text-xs text-zinc-500 uppercase dark:bg-zinc-900 dark:text-zinc-400">
            <tr>
              <th className="px-3 py-2 font-medium">{t("columns.name")}</th>
              <th className="px-3 py-2 font-medium">{t("columns.language")}</th>
              <th className="px-3 py-2 font-medium">{t("columns.category")}</th>
              <th className="px-3 py-2 font-medium">{t("columns.status")}</th>
              <th className="px-3 py-2 font-medium">{t("columns.quality")}</th>
              <th className="px-3 py-2 font-medium">{t("columns.updated")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {shown.map((row) => (
              <tr key={row.id} data-template={`${row.name}/${row.language}`}>
                <td className="px-3 py-2 font-medium">
                  <Link href={`/w/${slug}/templates/${row.id}`} prefetch={false} className="hover:underline">
                    {row.name}
                  </Link>
                </td>
                <td className="px-3 py-2" title={row.language}>{languageLabels[row.language] ?? row.language}</td>
                <td className="px-3 py-2">{t(`category.${row.category}`)}</td>
                <td className="px-3 py-2">
                  <StatusBadge status={row.status} />
                  {row.rejectedReason && <p className="mt-1 text-xs text-red-700 dark:text-red-300">{t("reason", { reason: row.rejectedReason })}</p>}
                </td>
                <td className="px-3 py-2">
                  <QualityBadge score={row.qualityScore} />
                </td>
                <td className="px-3 py-2 text-zinc-500 dark:text-zinc-400">
                  <RelativeTime date={new Date(row.updatedAt)} notAfterNow />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {shown.length === 0 && <p className="px-3 py-6 text-center text-sm text-zinc-500">{rows.length === 0 ? t("none") : t("noMatch")}</p>}
      </div>
      {!canManage && <p className="text-xs text-zinc-500 dark:text-zinc-400">{t("readOnly")}</p>}
    </div>
  );
}
