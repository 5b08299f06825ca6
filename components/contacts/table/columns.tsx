"use client";

/** The contacts table's columns (TanStack Table definitions); custom fields become columns too. */
import Link from "next/link";
import type { ColumnDef } from "@tanstack/react-table";
import type { useFormatter, useTranslations } from "next-intl";
import type { ContactRow, TableSetup } from "./types";
import type { SortField } from "@/lib/services/contacts/filter/sort";
import { storedCustomFields } from "@/lib/services/contacts/custom-field-values";

type T = ReturnType<typeof useTranslations<"contacts">>;
type Format = ReturnType<typeof useFormatter>;

/** Column id → the server's sort field, for the columns that sort. */
export const SORTABLE: Partial<Record<string, SortField>> = { name: "name", phone: "phone", lastInboundAt: "lastInboundAt", createdAt: "createdAt" };

export const DEFAULT_HIDDEN = ["email", "referral", "optedIn"];

function customValue(row: ContactRow, key: string): string {
  const value = storedCustomFields(row.customFields)[key];
  return value === undefined || value === null ? "" : String(value);
}

export function contactColumns(setup: TableSetup, t: T, format: Format): ColumnDef<ContactRow>[] {
  const date = (value: Date | null) => (value ? format.dateTime(value, { dateStyle: "medium", timeStyle: "short", timeZone: setup.timeZone }) : "—");
  const columns: ColumnDef<ContactRow>[] = [
    {
      id: "name",
      header: t("name"),
      enableHiding: false,
      cell: ({ row }) => (
        // Not prefetched: 50 rows would each fetch a contact page that is rarely opened.
        <Link href={`/w/${setup.slug}/contacts/${row.original.id}`} prefetch={false} className="font-medium hover:underline">
          {row.original.name ?? row.original.profileName ?? "—"}
        </Link>
      ),
    },
    { id: "phone", header: t("phone"), cell: ({ row }) => <span className="font-mono text-xs">{row.original.phone ?? "—"}</span> },
    { id: "email", header: t("email"), cell: ({ row }) => row.original.email ?? "—" },
    {
      id: "status",
      header: t("status"),
      cell: ({ row }) =>
        row.original.optedOutAt ? (
          <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs text-amber-800 dark:bg-amber-900/40 dark:text-amber-200">{t("optedOut")}</span>
        ) : (
          <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs text-emerald-800 dark:bg-emerald-900/40 dark:text-emerald-200">{t("subscribed")}</span>
        ),
    },
    { id: "optedIn", header: t("optedIn"), cell: ({ row }) => date(row.original.optedInAt) },
    { id: "groups", header: t("groups"), cell: ({ row }) => row.original.groups.map((g) => g.name).join(", ") || "—" },
    {
      id: "tags",
      header: t("tags"),
      cell: ({ row }) => (
        <span className="flex flex-wrap gap-1">
          {row.original.tags.map((tag) => (
            <span key={tag.id} className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs dark:bg-zinc-800">
              {tag.name}
            </span>
          ))}
        </span>
      ),
    },
    { id: "lastInboundAt", header: t("lastInbound"), cell: ({ row }) => date(row.original.lastInboundAt) },
    { id: "referral", header: t("referral"), cell: ({ row }) => <span className="font-mono text-xs">{row.original.referralSourceId ?? "—"}</span> },
    { id: "createdAt", header: t("added"), cell: ({ row }) => date(row.original.createdAt) },
  ];
  for (const field of setup.fields) {
    columns.push({ id: `custom:${field.key}`, header: field.label, cell: ({ row }) => customValue(row.original, field.key) || "—" });
  }
  return columns;
}
