"use client";

/** The table itself (TanStack Table, headless): sortable headers, a tick per row and for the page. */
import { flexRender, type Table } from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import type { ContactSort } from "@/lib/services/contacts/filter/sort";
import { cn } from "@/components/ui/cn";
import { SORTABLE } from "./columns";
import type { ContactRow } from "./types";

export function ContactsGrid({
  table,
  sort,
  onSort,
  isSelected,
  onToggle,
  onTogglePage,
  loading,
}: {
  table: Table<ContactRow>;
  sort: ContactSort;
  onSort: (sort: ContactSort) => void;
  isSelected: (id: string) => boolean;
  onToggle: (id: string, on: boolean) => void;
  onTogglePage: (on: boolean) => void;
  loading: boolean;
}) {
  const t = useTranslations("contacts");
  const rows = table.getRowModel().rows;
  const pageSelected = rows.length > 0 && rows.every((row) => isSelected(row.original.id));

  return (
    <div className={cn("overflow-x-auto rounded-xl border border-zinc-200 bg-white transition-opacity dark:border-zinc-800 dark:bg-zinc-900", loading && "opacity-60")} aria-busy={loading || undefined}>
      <table className="w-full text-left text-sm" data-testid="contacts-table">
        <thead className="border-b border-zinc-200 text-xs text-zinc-500 uppercase dark:border-zinc-800 dark:text-zinc-400">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              <th scope="col" className="w-10 px-4 py-3">
                <input type="checkbox" aria-label={t("selectPage")} checked={pageSelected} onChange={(e) => onTogglePage(e.target.checked)} />
              </th>
              {group.headers.map((header) => {
                const field = SORTABLE[header.column.id];
                const direction = field && sort.by === field ? sort.dir : null;
                const label = flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <th key={header.id} scope="col" className="px-4 py-3 font-medium whitespace-nowrap" aria-sort={direction ? (direction === "asc" ? "ascending" : "descending") : undefined}>
                    {field ? (
                      <button
                        type="button"
                        className="inline-flex items-center gap-1 uppercase hover:text-zinc-900 dark:hover:text-zinc-100"
                        onClick={() => onSort({ by: field, dir: direction === "asc" ? "desc" : direction === "desc" ? "asc" : field === "name" || field === "phone" ? "asc" : "desc" })}
                      >
                        {label}
                        <span aria-hidden className="text-[10px]">
                          {direction === "asc" ? "▲" : direction === "desc" ? "▼" : "↕"}
                        </span>
                      </button>
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {rows.map((row) => (
            <tr key={row.id} data-contact-id={row.original.id} className={cn(isSelected(row.original.id) && "bg-brand-50/60 dark:bg-emerald-950/30")}>
              <td className="px-4 py-2.5">
                <input
                  type="checkbox"
                  aria-label={t("selectRow", { name: row.original.name ?? row.original.profileName ?? row.original.phone ?? "" })}
                  checked={isSelected(row.original.id)}
                  onChange={(e) => onToggle(row.original.id, e.target.checked)}
                />
              </td>
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className="px-4 py-2.5 whitespace-nowrap">
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p className="px-4 py-10 text-center text-sm text-zinc-500 dark:text-zinc-400">{t("noMatches")}</p>}
    </div>
  );
}
