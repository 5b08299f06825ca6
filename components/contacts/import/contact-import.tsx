"use client";

/**
 * The CSV import, in three steps on one page: choose a file (uploaded and previewed), map its
 * columns to fields (the server's guess first), then watch the background task's progress until
 * its summary, with the refused rows to download. Progress arrives live (contact-import.progress)
 * and is read again every few seconds, so a lost connection only slows the bar down.
 */
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { loadImportAction, startImportAction, uploadImportAction } from "@/app/actions/contacts/imports";
import { useRealtimeEvent } from "@/components/realtime/realtime-provider";
import { actionErrorText } from "@/components/inbox/timeline/action-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { isImportField, type ImportMapping } from "@/lib/services/contacts/import/fields";

interface Uploaded {
  importId: string;
  columns: string[];
  preview: string[][];
  suggestedMapping: ImportMapping;
  estimatedRows: number;
}

interface Counters {
  rowsDone: number;
  created: number;
  updated: number;
  skipped: number;
  rejected: number;
  done: boolean;
  /** The task gave up (its last attempt failed): what it committed stays. */
  failed?: boolean;
}

const BASE_FIELDS = ["phone", "name", "email", "tags", "groups", "opt_in"] as const;

export function ContactImport({ slug, customFields }: { slug: string; customFields: { key: string; label: string }[] }) {
  const t = useTranslations();
  const [uploaded, setUploaded] = useState<Uploaded | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [duplicateMode, setDuplicateMode] = useState<"skip" | "update" | "fill_empty">("skip");
  const [tags, setTags] = useState("");
  const [counters, setCounters] = useState<Counters | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function upload(form: FormData) {
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return setError(t("errors.importEmpty"));
    setPending(true);
    setError(null);
    const outcome = await uploadImportAction({ slug, file }).catch(() => undefined);
    setPending(false);
    const problem = actionErrorText(t, outcome);
    if (problem || !outcome?.data) return setError(problem ?? t("errors.unknown"));
    setUploaded(outcome.data);
    setMapping(outcome.data.suggestedMapping);
  }

  async function start() {
    if (!uploaded) return;
    setPending(true);
    setError(null);
    const tagNames = tags.split(",").map((s) => s.trim()).filter(Boolean);
    const outcome = await startImportAction({ slug, importId: uploaded.importId, mapping, duplicateMode, tags: tagNames }).catch(() => undefined);
    setPending(false);
    const problem = actionErrorText(t, outcome);
    if (problem) return setError(problem);
    setCounters({ rowsDone: 0, created: 0, updated: 0, skipped: 0, rejected: 0, done: false });
  }

  const importId = uploaded?.importId;
  const running = counters !== null && !counters.done;
  const reload = useCallback(async () => {
    if (!importId) return;
    const outcome = await loadImportAction({ slug, importId }).catch(() => undefined);
    const job = outcome?.data;
    if (job) setCounters({ ...job, done: job.status === "completed" || job.status === "failed", failed: job.status === "failed" });
  }, [slug, importId]);

  useRealtimeEvent("contact-import.progress", (event) => {
    if (event.importId === importId) setCounters({ ...event, done: event.done === true });
  });
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void reload(), 3_000);
    return () => clearInterval(timer);
  }, [running, reload]);

  if (counters && uploaded) {
    const percent = counters.done && !counters.failed ? 100 : Math.min(99, Math.round((counters.rowsDone / Math.max(1, uploaded.estimatedRows)) * 100));
    return (
      <Card className="space-y-4 p-6">
        <h2 className="text-lg font-semibold">{counters.failed ? t("contactsImport.failedTitle") : counters.done ? t("contactsImport.doneTitle") : t("contactsImport.runningTitle")}</h2>
        {counters.failed && <Alert tone="error">{t("contactsImport.failedHint")}</Alert>}
        <div role="progressbar" aria-label={t("contactsImport.progress")} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="h-3 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800">
          <div className="h-full bg-brand-600 transition-all" style={{ width: `${percent}%` }} />
        </div>
        <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="import-counters">
          {t("contactsImport.counters", { rows: counters.rowsDone, created: counters.created, updated: counters.updated, skipped: counters.skipped, rejected: counters.rejected })}
        </p>
        {counters.done && (
          <div className="flex flex-wrap gap-3">
            {counters.rejected > 0 && (
              <a className="text-sm font-medium text-brand-700 hover:underline dark:text-brand-500" href={`/api/w/${slug}/imports/${uploaded.importId}/rejected`} download>
                {t("contactsImport.downloadRejected", { count: counters.rejected })}
              </a>
            )}
            <Link className="text-sm font-medium text-brand-700 hover:underline dark:text-brand-500" href={`/w/${slug}/contacts`}>
              {t("contactsImport.backToContacts")}
            </Link>
          </div>
        )}
      </Card>
    );
  }

  if (uploaded) {
    const fields = [...BASE_FIELDS.map((f) => ({ value: f, label: t(`contactsImport.field.${f}`) })), ...customFields.map((f) => ({ value: `custom:${f.key}`, label: f.label }))];
    return (
      <Card className="space-y-5 p-6">
        <h2 className="text-lg font-semibold">{t("contactsImport.mapTitle")}</h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("contactsImport.mapHint", { rows: uploaded.estimatedRows })}</p>
        {error && <Alert tone="error">{error}</Alert>}
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-zinc-500 uppercase">
              <tr>
                <th className="py-2 pr-4 font-medium">{t("contactsImport.column")}</th>
                <th className="py-2 pr-4 font-medium">{t("contactsImport.examples")}</th>
                <th className="py-2 font-medium">{t("contactsImport.fieldLabel")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {uploaded.columns.map((column, index) => (
                <tr key={index}>
                  <td className="py-2 pr-4 font-medium">{column}</td>
                  <td className="max-w-xs truncate py-2 pr-4 text-zinc-600 dark:text-zinc-400">{uploaded.preview.map((row) => row[index] ?? "").filter(Boolean).slice(0, 3).join(" · ")}</td>
                  <td className="py-2">
                    <select
                      aria-label={t("contactsImport.fieldFor", { column })}
                      className="h-9 rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
                      value={mapping[String(index)] ?? ""}
                      onChange={(e) => {
                        const value = e.target.value;
                        setMapping((m) => {
                          const next = { ...m };
                          if (isImportField(value)) next[String(index)] = value;
                          else delete next[String(index)];
                          return next;
                        });
                      }}
                    >
                      <option value="">{t("contactsImport.ignore")}</option>
                      {fields.map((f) => (
                        <option key={f.value} value={f.value}>
                          {f.label}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField label={t("contactsImport.duplicates")} value={duplicateMode} onChange={(e) => setDuplicateMode(e.target.value as typeof duplicateMode)}>
            <option value="skip">{t("contactsImport.duplicate.skip")}</option>
            <option value="update">{t("contactsImport.duplicate.update")}</option>
            <option value="fill_empty">{t("contactsImport.duplicate.fill_empty")}</option>
          </SelectField>
          <TextField label={t("contactsImport.tags")} hint={t("contactsImport.tagsHint")} value={tags} onChange={(e) => setTags(e.target.value)} />
        </div>
        <Button onClick={() => void start()} pending={pending}>
          {t("contactsImport.start")}
        </Button>
      </Card>
    );
  }

  return (
    <Card className="p-6">
      <form action={(form) => void upload(form)} className="space-y-4">
        <h2 className="text-lg font-semibold">{t("contactsImport.chooseTitle")}</h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("contactsImport.chooseHint")}</p>
        {error && <Alert tone="error">{error}</Alert>}
        <input name="file" type="file" accept=".csv,.txt,text/csv" aria-label={t("contactsImport.file")} className="block text-sm" />
        <Button type="submit" pending={pending}>
          {t("contactsImport.upload")}
        </Button>
      </form>
    </Card>
  );
}
