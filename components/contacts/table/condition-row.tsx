"use client";

/** One condition of the filter editor: field, operator, value (its input depends on both). */
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { type DraftCondition, newCondition, opsFor, takesValue, toCondition } from "./condition-draft";
import type { TableSetup } from "./types";

const control = "h-9 rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900";
const BASE_FIELDS = ["name", "phone", "email", "group", "tag", "optedOut", "lastInboundAt", "createdAt", "referral"] as const;

export function ConditionRow({
  setup,
  condition,
  onChange,
  onRemove,
}: {
  setup: TableSetup;
  condition: DraftCondition;
  onChange: (next: DraftCondition) => void;
  onRemove: () => void;
}) {
  const t = useTranslations("contacts.filter");
  const complete = toCondition(condition, setup.fields) !== null;
  const definition = setup.fields.find((f) => `custom:${f.key}` === condition.field);
  const isDateField = condition.field === "createdAt" || condition.field === "lastInboundAt" || definition?.type === "date";

  function valueInput() {
    if (!takesValue(condition.op)) return null;
    const common = { "aria-label": t("value"), className: cn(control, "min-w-40") };
    const text = typeof condition.value === "string" || typeof condition.value === "number" ? String(condition.value) : "";
    if (condition.field === "group" || condition.field === "tag") {
      const labels = condition.field === "group" ? setup.groups : setup.tags;
      const selected = Array.isArray(condition.value) ? (condition.value[0] ?? "") : "";
      return (
        <select {...common} value={selected} onChange={(e) => onChange({ ...condition, value: e.target.value ? [e.target.value] : undefined })}>
          <option value="">{t("choose")}</option>
          {labels.map((label) => (
            <option key={label.id} value={label.id}>
              {label.name}
            </option>
          ))}
        </select>
      );
    }
    if (condition.field === "optedOut" || definition?.type === "boolean") {
      return (
        <select {...common} value={String(condition.value ?? true)} onChange={(e) => onChange({ ...condition, value: e.target.value === "true" })}>
          <option value="true">{t("yes")}</option>
          <option value="false">{t("no")}</option>
        </select>
      );
    }
    if (definition?.type === "select") {
      return (
        <select {...common} value={text} onChange={(e) => onChange({ ...condition, value: e.target.value || undefined })}>
          <option value="">{t("choose")}</option>
          {definition.options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      );
    }
    if (condition.op === "withinDays" || condition.op === "notWithinDays") {
      return <input {...common} type="number" min={1} max={3650} value={text} onChange={(e) => onChange({ ...condition, value: e.target.value })} />;
    }
    if (isDateField) return <input {...common} type="date" value={text} onChange={(e) => onChange({ ...condition, value: e.target.value })} />;
    if (definition?.type === "number") return <input {...common} type="number" step="any" value={text} onChange={(e) => onChange({ ...condition, value: e.target.value })} />;
    return <input {...common} type="text" maxLength={200} value={text} onChange={(e) => onChange({ ...condition, value: e.target.value })} />;
  }

  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="filter-condition">
      <select
        aria-label={t("field")}
        className={control}
        value={condition.field}
        onChange={(e) => onChange(newCondition(e.target.value, setup.fields))}
      >
        {BASE_FIELDS.map((field) => (
          <option key={field} value={field}>
            {t(`fields.${field}`)}
          </option>
        ))}
        {setup.fields.length > 0 && (
          <optgroup label={t("customFields")}>
            {setup.fields.map((field) => (
              <option key={field.key} value={`custom:${field.key}`}>
                {field.label}
              </option>
            ))}
          </optgroup>
        )}
      </select>
      <select
        aria-label={t("operator")}
        className={control}
        value={condition.op}
        onChange={(e) => onChange({ field: condition.field, op: e.target.value, ...(takesValue(e.target.value) ? { value: condition.value } : {}) })}
      >
        {opsFor(condition.field, setup.fields).map((op) => (
          <option key={op} value={op}>
            {t(`ops.${isDateField && (op === "lt" || op === "gt" || op === "equals") ? `date_${op}` : op}`)}
          </option>
        ))}
      </select>
      {valueInput()}
      {!complete && <span className="text-xs text-amber-700 dark:text-amber-400">{t("incomplete")}</span>}
      <button type="button" onClick={onRemove} className="rounded px-2 text-sm text-zinc-500 hover:text-red-600" aria-label={t("remove")}>
        ✕
      </button>
    </div>
  );
}
