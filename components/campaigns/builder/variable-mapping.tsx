"use client";

import { useId } from "react";
import { useTranslations } from "next-intl";
import type { VariableMapping } from "@/lib/campaigns/mapping";
import type { TemplateVariable } from "@/lib/services/inbox/template-variables";
import { choiceOf, choicesFor, inputOf, sourceOf, type SourceChoice } from "./mapping-form";

const control = "block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900";

function VariableRow({ variable, mapping, customFields, onChange }: { variable: TemplateVariable; mapping: VariableMapping; customFields: Array<{ key: string; label: string }>; onChange: (mapping: VariableMapping) => void }) {
  const t = useTranslations("campaigns.mapping");
  const id = useId();
  const source = mapping[variable.key] ?? sourceOf(choicesFor(variable, [])[0]!, "");
  const choice = choiceOf(source);
  const choices = choicesFor(variable, customFields.map((field) => field.key));
  const labelOf = (value: SourceChoice) => {
    if (value.startsWith("field:")) return t(`field.${value.slice(6)}`);
    if (value.startsWith("custom:")) return t("custom", { label: customFields.find((field) => `custom:${field.key}` === value)?.label ?? value.slice(7) });
    return t(`source.${value}`);
  };
  const contact = source.source === "field" || source.source === "custom";
  const set = (next: SourceChoice, input: string) => onChange({ ...mapping, [variable.key]: sourceOf(next, input) });

  return (
    <div className="grid gap-2 sm:grid-cols-[10rem_minmax(0,1fr)_minmax(0,1fr)] sm:items-end" data-variable={variable.key}>
      <p className="font-mono text-sm">{variable.kind === "media" ? t("mediaHeader") : variable.component === "button" ? t("button", { index: Number(variable.name) + 1 }) : `${t(`component.${variable.component}`)} {{${variable.name}}}`}</p>
      <div className="space-y-1">
        <label htmlFor={`${id}-source`} className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">
          {t("sourceLabel")}
        </label>
        <select id={`${id}-source`} className={control} value={choice} onChange={(e) => set(e.target.value as SourceChoice, contact ? inputOf(source) : "")}>
          {choices.map((value) => (
            <option key={value} value={value}>
              {labelOf(value)}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-value`} className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">
          {contact ? t("fallback") : t(`valueLabel.${source.source}`)}
        </label>
        <input
          id={`${id}-value`}
          className={control}
          value={inputOf(source)}
          placeholder={variable.example}
          type={source.source === "link" ? "url" : "text"}
          aria-describedby={`${id}-hint`}
          onChange={(e) => set(choice, e.target.value)}
        />
        <p id={`${id}-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
          {contact ? t("fallbackHint") : t(`valueHint.${source.source}`)}
        </p>
      </div>
    </div>
  );
}

/** Where each of the template's variables takes its value from, per recipient. */
export function VariableMappingEditor({
  variables,
  mapping,
  customFields,
  onChange,
}: {
  variables: TemplateVariable[];
  mapping: VariableMapping;
  customFields: Array<{ key: string; label: string }>;
  onChange: (mapping: VariableMapping) => void;
}) {
  const t = useTranslations("campaigns.mapping");
  if (variables.length === 0) return <p className="text-sm text-zinc-500 dark:text-zinc-400">{t("none")}</p>;
  return (
    <div className="space-y-4">
      {variables.map((variable) => (
        <VariableRow key={variable.key} variable={variable} mapping={mapping} customFields={customFields} onChange={onChange} />
      ))}
    </div>
  );
}
