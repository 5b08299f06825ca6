"use client";

import { useTranslations } from "next-intl";
import { CONVERSATION_FILTERS, type ConversationFilter } from "@/lib/services/inbox/filters";
import { cn } from "@/components/ui/cn";

/** all / mine / unassigned / unread / resolved, as a tab list (arrow keys move between tabs). */
export function FilterTabs({ value, onChange }: { value: ConversationFilter; onChange: (filter: ConversationFilter) => void }) {
  const t = useTranslations("inboxList.filters");
  const move = (delta: number) => {
    const index = CONVERSATION_FILTERS.indexOf(value);
    const next = CONVERSATION_FILTERS[(index + delta + CONVERSATION_FILTERS.length) % CONVERSATION_FILTERS.length]!;
    onChange(next);
    document.getElementById(`inbox-filter-${next}`)?.focus();
  };
  return (
    <div role="tablist" aria-label={t("label")} className="flex gap-1 overflow-x-auto px-3 pb-2">
      {CONVERSATION_FILTERS.map((filter) => (
        <button
          key={filter}
          id={`inbox-filter-${filter}`}
          type="button"
          role="tab"
          aria-selected={filter === value}
          tabIndex={filter === value ? 0 : -1}
          onClick={() => onChange(filter)}
          onKeyDown={(e) => {
            if (e.key === "ArrowRight") move(1);
            else if (e.key === "ArrowLeft") move(-1);
          }}
          className={cn(
            "shrink-0 rounded-full px-3 py-1 text-xs font-medium outline-none focus-visible:ring-2 focus-visible:ring-brand-600",
            filter === value ? "bg-brand-600 text-white" : "text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800",
          )}
        >
          {t(filter)}
        </button>
      ))}
    </div>
  );
}
