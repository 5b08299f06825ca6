"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { uploadTemplateSampleAction } from "@/app/actions/templates/upload-sample";
import type { TemplateSample } from "@/lib/templates/draft";
import { TEMPLATE_SAMPLE_LIMITS } from "@/lib/templates/limits";
import { actionErrorText } from "@/components/inbox/timeline/action-error";
import { Problems } from "./problems";

type SampleFormat = keyof typeof TEMPLATE_SAMPLE_LIMITS;

/**
 * The media sample Meta reviews a media header with: uploaded through Meta's resumable upload
 * (the server does it) and kept in the draft as its `header_handle`. The browser keeps a local
 * copy of the file for the preview.
 */
export function SampleUpload({
  slug,
  format,
  path,
  sample,
  onUploaded,
}: {
  slug: string;
  format: SampleFormat;
  path: string;
  sample: TemplateSample | null;
  onUploaded: (sample: TemplateSample, previewUrl: string) => void;
}) {
  const t = useTranslations("templateBuilder");
  const tAll = useTranslations();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const limits = TEMPLATE_SAMPLE_LIMITS[format];

  async function upload(file: File) {
    setBusy(true);
    setError(null);
    const result = await uploadTemplateSampleAction({ slug, format, file }).catch(() => undefined);
    setBusy(false);
    if (result?.data) onUploaded(result.data, URL.createObjectURL(file));
    else setError(actionErrorText(tAll, result));
  }

  return (
    <div className="space-y-1">
      <label className="block text-sm font-medium" htmlFor={`${path}-file`}>
        {t("sample")}
      </label>
      <input
        id={`${path}-file`}
        type="file"
        accept={limits.mimeTypes.join(",")}
        disabled={busy}
        data-path={path}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void upload(file);
        }}
        className="block w-full text-sm"
      />
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        {busy ? t("uploading") : sample ? t("sampleUploaded", { name: sample.fileName }) : t("sampleHint", { types: limits.mimeTypes.map((m) => m.split("/")[1]).join(", "), mb: Math.round(limits.maxBytes / 1024 / 1024) })}
      </p>
      {error && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
      <Problems at={path} />
    </div>
  );
}
