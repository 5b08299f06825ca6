"use client";

import { forwardRef, useEffect, useState } from "react";
import { useTranslations } from "next-intl";

const DEBOUNCE_MS = 300;

/** The search field; tells `onSearch` once typing pauses. Ctrl/Cmd+K focuses it (see use-inbox-shortcuts). */
export const SearchBox = forwardRef<HTMLInputElement, { onSearch: (query: string) => void; maxLength: number }>(function SearchBox({ onSearch, maxLength }, ref) {
  const t = useTranslations("inboxList");
  const [value, setValue] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => onSearch(value.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value, onSearch]);
  return (
    <div className="px-3 py-2">
      <label htmlFor="inbox-search" className="sr-only">
        {t("searchLabel")}
      </label>
      <input
        ref={ref}
        id="inbox-search"
        type="search"
        value={value}
        maxLength={maxLength}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Escape") setValue("");
        }}
        placeholder={t("searchPlaceholder")}
        aria-keyshortcuts="Control+K Meta+K"
        className="h-9 w-full rounded-md border border-zinc-300 bg-white px-3 text-sm outline-none placeholder:text-zinc-400 focus-visible:border-brand-600 focus-visible:ring-2 focus-visible:ring-brand-600/30 dark:border-zinc-700 dark:bg-zinc-900"
      />
    </div>
  );
});
