"use client";

/** Conditions joined by all/any, with one level of groups (each with its own all/any). */
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConditionRow } from "./condition-row";
import { type DraftItem, isDraftGroup, newCondition } from "./condition-draft";
import type { TableSetup } from "./types";
import { MAX_CONDITIONS } from "@/lib/services/contacts/filter/schema";

function MatchSelect({ value, onChange, label }: { value: "all" | "any"; onChange: (v: "all" | "any") => void; label: string }) {
  const t = useTranslations("contacts.filter");
  return (
    <select
      aria-label={label}
      className="h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
      value={value}
      onChange={(e) => onChange(e.target.value === "any" ? "any" : "all")}
    >
      <option value="all">{t("matchAll")}</option>
      <option value="any">{t("matchAny")}</option>
    </select>
  );
}

export function FilterEditor({
  setup,
  match,
  items,
  onChange,
}: {
  setup: TableSetup;
  match: "all" | "any";
  items: DraftItem[];
  onChange: (match: "all" | "any", items: DraftItem[]) => void;
}) {
  const t = useTranslations("contacts.filter");
  const replace = (index: number, item: DraftItem | null) => onChange(match, item ? items.map((it, i) => (i === index ? item : it)) : items.filter((_, i) => i !== index));
  const full = items.length >= MAX_CONDITIONS;

  return (
    <div className="space-y-3 rounded-lg border border-zinc-200 bg-zinc-50 p-3 dark:border-zinc-800 dark:bg-zinc-950" data-testid="filter-editor">
      {items.length > 1 && (
        <div className="flex items-center gap-2 text-sm">
          <span>{t("matchLead")}</span>
          <MatchSelect value={match} onChange={(m) => onChange(m, items)} label={t("match")} />
        </div>
      )}
      {items.map((item, index) =>
        isDraftGroup(item) ? (
          <div key={index} className="space-y-2 rounded-md border border-dashed border-zinc-300 p-2 dark:border-zinc-700" data-testid="filter-group">
            <div className="flex items-center gap-2 text-sm">
              <span>{t("groupLead")}</span>
              <MatchSelect value={item.match} onChange={(m) => replace(index, { ...item, match: m })} label={t("groupMatch")} />
              <button type="button" className="ml-auto text-xs text-zinc-500 hover:text-red-600" onClick={() => replace(index, null)}>
                {t("removeGroup")}
              </button>
            </div>
            {item.conditions.map((condition, inner) => (
              <ConditionRow
                key={inner}
                setup={setup}
                condition={condition}
                onChange={(next) => replace(index, { ...item, conditions: item.conditions.map((c, i) => (i === inner ? next : c)) })}
                onRemove={() => {
                  const rest = item.conditions.filter((_, i) => i !== inner);
                  replace(index, rest.length > 0 ? { ...item, conditions: rest } : null);
                }}
              />
            ))}
            <Button type="button" size="sm" variant="ghost" onClick={() => replace(index, { ...item, conditions: [...item.conditions, newCondition("name", setup.fields)] })}>
              {t("addCondition")}
            </Button>
          </div>
        ) : (
          <ConditionRow key={index} setup={setup} condition={item} onChange={(next) => replace(index, next)} onRemove={() => replace(index, null)} />
        ),
      )}
      <div className="flex gap-2">
        <Button type="button" size="sm" variant="secondary" disabled={full} onClick={() => onChange(match, [...items, newCondition("name", setup.fields)])}>
          {t("addCondition")}
        </Button>
        <Button
          type="button"
          size="sm"
          variant="ghost"
          disabled={full}
          onClick={() => onChange(match, [...items, { match: match === "all" ? "any" : "all", conditions: [newCondition("name", setup.fields)] }])}
        >
          {t("addGroup")}
        </Button>
      </div>
    </div>
  );
}
