"use client";

import { useTranslations } from "next-intl";
import { PARAMETER_FORMATS, TEMPLATE_CATEGORIES, type TemplateDraft } from "@/lib/templates/draft";
import { TEMPLATE_LANGUAGE_CODES } from "@/lib/templates/languages";
import { DraftInput } from "./controls";
import { Problems } from "./problems";

/** Meta's names: lower-case letters, digits and underscores. Typing "Order Update" gives "order_update". */
export function toTemplateName(value: string): string {
  return value.toLowerCase().replace(/[\s-]+/g, "_");
}

/** Name, language, category (with what each allows) and the variables' format. */
export function IdentityFields({ draft, locked, languageLabels, onChange }: { draft: TemplateDraft; locked: { name: boolean; language: boolean; category: boolean }; languageLabels: Record<string, string>; onChange: (patch: Partial<TemplateDraft>) => void }) {
  const t = useTranslations("templateBuilder");
  return (
    <div className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-2">
        <DraftInput
          label={t("name")}
          path="name"
          value={draft.name}
          disabled={locked.name}
          hint={t("nameHint")}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => onChange({ name: toTemplateName(e.target.value) })}
        />
        <div className="space-y-1">
          <label htmlFor="template-language" className="block text-sm font-medium">
            {t("language")}
          </label>
          <select
            id="template-language"
            value={draft.language}
            disabled={locked.language}
            data-path="language"
            onChange={(e) => onChange({ language: e.target.value })}
            className="block h-[38px] w-full rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
          >
            {TEMPLATE_LANGUAGE_CODES.map((code) => (
              <option key={code} value={code}>
                {languageLabels[code] ?? code} ({code})
              </option>
            ))}
          </select>
          <Problems at="language" />
        </div>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("category")}</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          {TEMPLATE_CATEGORIES.map((category) => (
            <label
              key={category}
              className="cursor-pointer rounded-md border border-zinc-300 p-3 text-sm has-checked:border-brand-600 has-checked:bg-brand-50 has-disabled:cursor-not-allowed has-disabled:opacity-60 dark:border-zinc-700 dark:has-checked:bg-brand-700/30"
            >
              <span className="flex items-center gap-2 font-medium">
                <input type="radio" name="category" value={category} checked={draft.category === category} disabled={locked.category} onChange={() => onChange({ category })} />
                {t(`categoryName.${category}`)}
              </span>
              <span className="mt-1 block text-xs text-zinc-500 dark:text-zinc-400">{t(`categoryHint.${category}`)}</span>
            </label>
          ))}
        </div>
        <Problems at="category" />
      </fieldset>
      {draft.category !== "AUTHENTICATION" && (
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">{t("variableFormat")}</legend>
          <div className="flex gap-4 text-sm">
            {PARAMETER_FORMATS.map((format) => (
              <label key={format} className="inline-flex items-center gap-1.5">
                <input type="radio" name="parameterFormat" checked={draft.parameterFormat === format} onChange={() => onChange({ parameterFormat: format })} />
                {t(`parameterFormat.${format}`)}
              </label>
            ))}
          </div>
          <Problems at="parameterFormat" />
        </fieldset>
      )}
    </div>
  );
}
