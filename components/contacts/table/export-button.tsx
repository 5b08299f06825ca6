"use client";

/**
 * Export the current view (or the picked segment, unchanged) as CSV. The file streams from
 * /api/w/[slug]/contacts/export; its X-Total-Count and the records counted as they arrive drive
 * the progress bar, then the browser saves it under the server's file name.
 */
import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { encodeFilterParam } from "@/lib/services/contacts/filter/url";
import type { ContactFilter } from "@/lib/services/contacts/filter/schema";
import { CsvRecordCounter } from "./csv-progress";

export function ExportButton({ slug, filter, segmentId }: { slug: string; filter: ContactFilter; segmentId: string | null }) {
  const t = useTranslations("contacts.export");
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  async function run() {
    setError(null);
    const controller = new AbortController();
    abort.current = controller;
    const query = segmentId ? `segment=${encodeURIComponent(segmentId)}` : `filter=${encodeFilterParam(filter)}`;
    try {
      const response = await fetch(`/api/w/${slug}/contacts/export?${query}`, { signal: controller.signal });
      if (!response.ok || !response.body) throw new Error(String(response.status));
      const total = Number(response.headers.get("x-total-count") ?? 0);
      const filename = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "contacts.csv";
      const counter = new CsvRecordCounter();
      const decoder = new TextDecoder();
      const parts: Uint8Array[] = [];
      setProgress({ done: 0, total });
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        counter.push(decoder.decode(value, { stream: true }));
        setProgress({ done: Math.max(counter.records - 1, 0), total }); // the header is a record too
      }
      const url = URL.createObjectURL(new Blob(parts as BlobPart[], { type: "text/csv;charset=utf-8" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = filename;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      if (!controller.signal.aborted) setError(t("failed"));
    } finally {
      setProgress(null);
      abort.current = null;
    }
  }

  if (progress) {
    const percent = progress.total > 0 ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : 0;
    return (
      <div className="flex items-center gap-2 text-sm" data-testid="export-progress">
        <progress className="h-2 w-32 accent-brand-600" max={100} value={percent} aria-label={t("progress")} />
        <span className="tabular-nums">{t("rows", { done: progress.done, total: progress.total })}</span>
        <Button type="button" size="sm" variant="ghost" onClick={() => abort.current?.abort()}>
          {t("cancel")}
        </Button>
      </div>
    );
  }
  return (
    <span className="flex items-center gap-2">
      <Button type="button" size="sm" variant="secondary" onClick={() => void run()}>
        {t("button")}
      </Button>
      {error && (
        <span role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </span>
      )}
    </span>
  );
}
