"use client";

import { useEffect, useId, useState } from "react";
import { useTranslations } from "next-intl";
import { countCampaignAudienceAction } from "@/app/actions/campaigns/count-audience";
import { uploadCampaignListAction } from "@/app/actions/campaigns/upload-list";
import { SKIP_REASONS, isEmptyAudience, type Audience, type AudienceCount, type UploadedList } from "@/lib/campaigns/audience";
import { actionErrorText } from "@/components/inbox/timeline/action-error";
import { outcome } from "../action-outcome";

export interface Option {
  id: string;
  name: string;
}

const COUNT_DEBOUNCE_MS = 400;

function Choices({ legend, options, selected, onChange, empty }: { legend: string; options: Option[]; selected: string[]; onChange: (ids: string[]) => void; empty: string }) {
  const id = useId();
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium">{legend}</legend>
      {options.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">{empty}</p>
      ) : (
        <div className="flex max-h-40 flex-wrap gap-2 overflow-y-auto">
          {options.map((option) => (
            <div key={option.id} className="flex items-center gap-1.5 rounded-md border border-zinc-300 px-2 py-1 text-sm has-checked:border-brand-600 has-checked:bg-brand-50 dark:border-zinc-700 dark:has-checked:bg-brand-950">
              <input
                id={`${id}-${option.id}`}
                type="checkbox"
                checked={selected.includes(option.id)}
                onChange={(e) => onChange(e.target.checked ? [...selected, option.id] : selected.filter((value) => value !== option.id))}
              />
              <label htmlFor={`${id}-${option.id}`}>{option.name}</label>
            </div>
          ))}
        </div>
      )}
    </fieldset>
  );
}

/**
 * Who the campaign is for (everyone, or any mix of segments, groups and tags), counted live as it
 * changes: the contacts a launch would send to, and those it would leave out, by reason.
 */
export function AudiencePicker({
  slug,
  audience,
  templateId,
  segments,
  groups,
  tags,
  onChange,
}: {
  slug: string;
  audience: Audience;
  templateId: string | null;
  segments: Option[];
  groups: Option[];
  tags: Option[];
  onChange: (audience: Audience) => void;
}) {
  const t = useTranslations("campaigns.builder");
  const tAll = useTranslations();
  const everyoneId = useId();
  const [count, setCount] = useState<{ key: string; count: AudienceCount | null; error: string | null } | null>(null);
  const key = JSON.stringify([audience, templateId]);
  const empty = isEmptyAudience(audience);

  useEffect(() => {
    if (empty) return;
    let current = true;
    const timer = setTimeout(async () => {
      const result = await outcome<AudienceCount>(countCampaignAudienceAction({ slug, audience, templateId }));
      if (!current) return;
      setCount({ key, count: result?.data ?? null, error: result?.data ? null : (actionErrorText(tAll, result) ?? tAll("errors.unknown")) });
    }, COUNT_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [slug, key, empty]); // eslint-disable-line react-hooks/exhaustive-deps -- `key` stands for audience and template

  const shown = !empty && count?.key === key ? count : null;

  return (
    <div className="space-y-4">
      <div className="flex items-center gap-2">
        <input id={everyoneId} type="checkbox" checked={audience.everyone} onChange={(e) => onChange({ ...audience, everyone: e.target.checked })} />
        <label htmlFor={everyoneId} className="text-sm font-medium">
          {t("everyone")}
        </label>
      </div>
      {!audience.everyone && (
        <>
          <Choices legend={t("segments")} options={segments} selected={audience.segmentIds} onChange={(segmentIds) => onChange({ ...audience, segmentIds })} empty={t("noSegments")} />
          <Choices legend={t("groups")} options={groups} selected={audience.groupIds} onChange={(groupIds) => onChange({ ...audience, groupIds })} empty={t("noGroups")} />
          <Choices legend={t("tags")} options={tags} selected={audience.tagIds} onChange={(tagIds) => onChange({ ...audience, tagIds })} empty={t("noTags")} />
          <UploadList slug={slug} upload={audience.upload ?? null} onChange={(upload) => onChange({ ...audience, upload })} />
        </>
      )}
      <div aria-live="polite" className="rounded-md bg-zinc-50 p-3 text-sm dark:bg-zinc-900" data-testid="audience-count">
        {empty ? (
          <p className="text-zinc-500 dark:text-zinc-400">{t("pickAudience")}</p>
        ) : !shown ? (
          <p className="text-zinc-500 dark:text-zinc-400">{t("counting")}</p>
        ) : shown.error ? (
          <p role="alert" className="text-red-600 dark:text-red-400">{shown.error}</p>
        ) : shown.count ? (
          <AudienceCountView count={shown.count} />
        ) : null}
      </div>
    </div>
  );
}

/**
 * An uploaded list: a CSV or one number per line, turned into a contact group on the server
 * (uploadCampaignListAction); shown with what was read and left out, and removable.
 */
function UploadList({ slug, upload, onChange }: { slug: string; upload: UploadedList | null; onChange: (upload: UploadedList | null) => void }) {
  const t = useTranslations("campaigns.builder");
  const tAll = useTranslations();
  const inputId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function upload_(file: File) {
    setBusy(true);
    setError(null);
    const result = await outcome<UploadedList>(uploadCampaignListAction({ slug, file }));
    setBusy(false);
    if (result?.data) onChange(result.data);
    else setError(actionErrorText(tAll, result) ?? tAll("errors.unknown"));
  }

  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium">{t("uploadList")}</legend>
      {upload ? (
        <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="uploaded-list">
          <span className="font-medium">{upload.fileName}</span>
          <span className="text-zinc-600 dark:text-zinc-400">
            {t("uploadListRead", { rows: upload.rows, invalid: upload.invalid, duplicates: upload.duplicates })}
          </span>
          <button type="button" className="text-brand-700 underline dark:text-brand-300" onClick={() => onChange(null)}>
            {t("uploadListRemove")}
          </button>
        </div>
      ) : (
        <div className="space-y-1">
          <label htmlFor={inputId} className="block text-sm text-zinc-600 dark:text-zinc-400">
            {t("uploadListHint")}
          </label>
          <input
            id={inputId}
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            disabled={busy}
            className="block text-sm"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = "";
              if (file) void upload_(file);
            }}
          />
          {busy && <p className="text-sm text-zinc-500 dark:text-zinc-400">{t("uploadListReading")}</p>}
          {error && (
            <p role="alert" className="text-sm text-red-600 dark:text-red-400">
              {error}
            </p>
          )}
        </div>
      )}
    </fieldset>
  );
}

/** Eligible contacts, and each reason others are left out (with a count above 0). */
export function AudienceCountView({ count }: { count: AudienceCount }) {
  const tCampaigns = useTranslations("campaigns");
  const reasons = SKIP_REASONS.filter((reason) => (count.excluded[reason] ?? 0) > 0);
  return (
    <div className="space-y-1">
      <p className="font-medium">{tCampaigns("builder.eligible", { eligible: count.eligible, matched: count.matched })}</p>
      {count.outsideWindow > 0 && <p className="text-zinc-600 dark:text-zinc-400">{tCampaigns("builder.outsideWindow", { count: count.outsideWindow })}</p>}
      {reasons.length > 0 && (
        <ul className="list-inside list-disc text-zinc-600 dark:text-zinc-400">
          {reasons.map((reason) => (
            <li key={reason}>{tCampaigns("skipCount", { reason: tCampaigns(`skip.${reason}`), count: count.excluded[reason] })}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
