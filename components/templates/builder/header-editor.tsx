"use client";

import { useTranslations } from "next-intl";
import type { ParameterFormat, TemplateHeader, TemplateSample } from "@/lib/templates/draft";
import { SampleUpload } from "./sample-upload";
import { Problems } from "./problems";
import { VariableText } from "./variable-text";

const FORMATS = ["NONE", "TEXT", "IMAGE", "VIDEO", "DOCUMENT", "LOCATION"] as const;

/** The header: none, a text line (one variable at most), a media sample, or a location. */
export function HeaderEditor({
  slug,
  header,
  parameterFormat,
  allowed,
  onChange,
  onPreview,
}: {
  slug: string;
  header: TemplateHeader;
  parameterFormat: ParameterFormat;
  /** Formats the category allows (authentication: none). */
  allowed: readonly TemplateHeader["format"][];
  onChange: (header: TemplateHeader) => void;
  onPreview: (sample: TemplateSample, url: string) => void;
}) {
  const t = useTranslations("templateBuilder");

  function choose(format: TemplateHeader["format"]) {
    if (format === header.format) return;
    if (format === "NONE" || format === "LOCATION") onChange({ format });
    else if (format === "TEXT") onChange({ format, text: "", examples: {} });
    else onChange({ format, sample: null });
  }

  return (
    <div className="space-y-3">
      <div role="radiogroup" aria-label={t("headerType")} className="flex flex-wrap gap-2">
        {FORMATS.filter((format) => allowed.includes(format)).map((format) => (
          <label
            key={format}
            className="inline-flex cursor-pointer items-center gap-1.5 rounded-md border border-zinc-300 px-2.5 py-1 text-sm has-checked:border-brand-600 has-checked:bg-brand-50 dark:border-zinc-700 dark:has-checked:bg-brand-700/30"
          >
            <input type="radio" name="header-format" value={format} checked={header.format === format} onChange={() => choose(format)} className="sr-only" />
            {t(`headerFormat.${format}`)}
          </label>
        ))}
      </div>
      <Problems at="header" />
      {header.format === "TEXT" && (
        <VariableText
          label={t("headerText")}
          path="header.text"
          text={header.text}
          examples={header.examples}
          max={60}
          parameterFormat={parameterFormat}
          singleLine
          onChange={(next) => onChange({ format: "TEXT", ...next })}
        />
      )}
      {(header.format === "IMAGE" || header.format === "VIDEO" || header.format === "DOCUMENT") && (
        <SampleUpload
          slug={slug}
          format={header.format}
          path="header.sample"
          sample={header.sample}
          onUploaded={(sample, url) => {
            onChange({ format: header.format as "IMAGE", sample });
            onPreview(sample, url);
          }}
        />
      )}
      {header.format === "LOCATION" && <p className="text-xs text-zinc-500 dark:text-zinc-400">{t("locationHint")}</p>}
    </div>
  );
}
