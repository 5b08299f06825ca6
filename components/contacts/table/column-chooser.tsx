"use client";

/** Which columns show: a checkbox per column that may hide (the name always shows). */
import { useTranslations } from "next-intl";
import type { Table } from "@tanstack/react-table";
import type { ContactRow } from "./types";

export function ColumnChooser({ table }: { table: Table<ContactRow> }) {
  const t = useTranslations("contacts");
  return (
    <details className="relative">
      <summary className="flex h-9 cursor-pointer list-none items-center rounded-md border border-zinc-300 bg-white px-3 text-sm font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800">
        {t("columns")}
      </summary>
      <fieldset aria-label={t("columns")} className="absolute right-0 z-20 mt-1 w-56 space-y-1 rounded-md border border-zinc-200 bg-white p-2 shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
        {table
          .getAllLeafColumns()
          .filter((column) => column.getCanHide())
          .map((column) => (
            <label key={column.id} className="flex items-center gap-2 rounded px-1 py-0.5 text-sm hover:bg-zinc-50 dark:hover:bg-zinc-800">
              <input type="checkbox" checked={column.getIsVisible()} onChange={column.getToggleVisibilityHandler()} />
              {typeof column.columnDef.header === "string" ? column.columnDef.header : column.id}
            </label>
          ))}
      </fieldset>
    </details>
  );
}
