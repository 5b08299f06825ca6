"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { createCustomFieldAction, updateCustomFieldAction } from "@/app/actions/contacts/custom-fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { useFormAction } from "@/components/forms/use-form-action";
import { customFieldKeyFromLabel } from "@/lib/services/contacts/custom-field-key";

export const FIELD_TYPES = ["text", "number", "date", "boolean", "select"] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface CustomFieldRowView {
  id: string;
  key: string;
  label: string;
  type: FieldType;
  options: string[];
  valueCount: number;
}

/**
 * Add (no `field`) or edit one custom field. The key follows the label until it is edited, and is
 * shown read-only afterwards; the type is fixed once contacts hold values (the service says so too).
 */
export function CustomFieldForm({ slug, field, onDone }: { slug: string; field?: CustomFieldRowView; onDone: () => void }) {
  const t = useTranslations("contactFieldsSettings");
  const create = useFormAction(createCustomFieldAction, onDone);
  const update = useFormAction(updateCustomFieldAction, onDone);
  const form = field ? update : create;
  const [label, setLabel] = useState(field?.label ?? "");
  const [key, setKey] = useState<string | null>(null);
  const [type, setType] = useState<FieldType>(field?.type ?? "text");
  const [options, setOptions] = useState((field?.options ?? []).join("\n"));
  const typeLocked = Boolean(field && field.valueCount > 0);
  const shownKey = field?.key ?? key ?? customFieldKeyFromLabel(label);
  const id = field?.id ?? "new";

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const choices = type === "select" ? options.split("\n") : [];
    if (field) update.run({ slug, id: field.id, label, type, options: choices });
    // An untouched key is left to the server, which derives it and makes it unique.
    else create.run({ slug, label, type, options: choices, ...(key !== null ? { key } : {}) });
  };

  return (
    <form noValidate className="space-y-4" onSubmit={submit} data-testid="custom-field-form">
      <h3 className="text-base font-semibold">{field ? t("editTitle") : t("addTitle")}</h3>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("label")} name="label" value={label} onChange={(e) => setLabel(e.target.value)} error={form.fieldError("label")} autoComplete="off" required />
        <TextField
          label={t("key")}
          name="key"
          value={shownKey}
          onChange={(e) => setKey(e.target.value)}
          readOnly={Boolean(field)}
          disabled={Boolean(field)}
          hint={field ? t("keyFixed") : t("keyHint")}
          error={form.fieldError("key")}
          autoComplete="off"
          className="font-mono"
        />
      </div>
      <SelectField
        label={t("type")}
        name="type"
        value={type}
        onChange={(e) => setType(e.target.value as FieldType)}
        disabled={typeLocked}
        hint={typeLocked ? t("typeLocked", { count: field?.valueCount ?? 0 }) : t("typeHint")}
        error={form.fieldError("type")}
      >
        {FIELD_TYPES.map((value) => (
          <option key={value} value={value}>
            {t(`types.${value}`)}
          </option>
        ))}
      </SelectField>
      {type === "select" && (
        <div className="space-y-1.5">
          <label htmlFor={`custom-field-options-${id}`} className="block text-sm font-medium">
            {t("options")}
          </label>
          <textarea
            id={`custom-field-options-${id}`}
            name="options"
            rows={5}
            value={options}
            onChange={(e) => setOptions(e.target.value)}
            aria-invalid={Boolean(form.fieldError("options")) || undefined}
            aria-describedby={`custom-field-options-${id}-hint`}
            className="block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm shadow-xs aria-[invalid=true]:border-red-500 dark:border-zinc-700 dark:bg-zinc-900"
          />
          {form.fieldError("options") ? (
            <p className="text-sm text-red-600 dark:text-red-400" role="alert">
              {form.fieldError("options")}
            </p>
          ) : (
            <p id={`custom-field-options-${id}-hint`} className="text-sm text-zinc-500 dark:text-zinc-400">
              {t("optionsHint")}
            </p>
          )}
        </div>
      )}
      {form.formError && <Alert tone="error">{form.formError}</Alert>}
      <div className="flex gap-2">
        <Button type="submit" pending={form.pending}>
          {t("save")}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
