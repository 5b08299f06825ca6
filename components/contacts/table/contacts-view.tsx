"use client";

/**
 * The contacts table: search and filter (conditions, all/any, groups), segments, sort on the
 * server, keyset pages both ways, a column chooser kept in this browser, selection across pages
 * up to "all N matching", bulk actions and the CSV export. The filter lives in the URL (?f=), so a
 * reload or a shared link shows the same view.
 */
import { useEffect, useMemo, useState } from "react";
import { getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { ContactFilter } from "@/lib/services/contacts/filter/schema";
import { type ContactSort, DEFAULT_SORT } from "@/lib/services/contacts/filter/sort";
import { encodeFilterParam } from "@/lib/services/contacts/filter/url";
import { contactColumns } from "./columns";
import { ContactsGrid } from "./contacts-grid";
import { ColumnChooser } from "./column-chooser";
import { type DraftItem, fromFilter, toFilter } from "./condition-draft";
import { FilterEditor } from "./filter-editor";
import { SegmentBar } from "./segment-bar";
import { BulkBar } from "./bulk-bar";
import { ExportButton } from "./export-button";
import { forServer, isSelected, NOTHING, selectedCount, type TableSelection, toggle } from "./selection";
import { useColumnVisibility } from "./use-column-visibility";
import { type PageBoundary, useContactsPage } from "./use-contacts-page";
import type { ContactsPage, SegmentOption, TableSetup } from "./types";

const SEARCH_DELAY_MS = 300;

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function ContactsView({
  setup,
  initialFilter,
  initialSegmentId,
  initialPage,
  segments: initialSegments,
}: {
  setup: TableSetup;
  initialFilter: ContactFilter;
  initialSegmentId: string | null;
  initialPage: ContactsPage;
  segments: SegmentOption[];
}) {
  const t = useTranslations("contacts");
  const format = useFormatter();
  const start = fromFilter(initialFilter);
  const [search, setSearch] = useState(start.search);
  const [match, setMatch] = useState(start.match);
  const [items, setItems] = useState<DraftItem[]>(start.items);
  const [showFilters, setShowFilters] = useState(start.items.length > 0);
  const [sort, setSort] = useState<ContactSort>(DEFAULT_SORT);
  // A page boundary belongs to the view it was read in; a new filter or sort starts at page one.
  const [paged, setPaged] = useState<{ view: string; boundary: PageBoundary }>({ view: "", boundary: {} });
  const [segments, setSegments] = useState(initialSegments);
  const [segmentId, setSegmentId] = useState(initialSegmentId);
  const [selection, setSelection] = useState<TableSelection>(NOTHING);
  const [notice, setNotice] = useState<string | null>(null);
  const [visibility, setVisibility] = useColumnVisibility(setup.slug);

  const settledSearch = useDebounced(search, SEARCH_DELAY_MS);
  const filterJson = JSON.stringify(toFilter(settledSearch, match, items, setup.fields));
  const filter = useMemo(() => JSON.parse(filterJson) as ContactFilter, [filterJson]);
  const view = `${filterJson}|${sort.by}|${sort.dir}`;
  const boundary = paged.view === view ? paged.boundary : {};
  const setBoundary = (next: PageBoundary) => setPaged({ view, boundary: next });
  const { page, loading, error, reload } = useContactsPage(setup.slug, initialPage, filter, sort, boundary);

  // "All matching" meant the old filter's matches.
  useEffect(() => {
    setSelection((current) => (current.kind === "all" ? NOTHING : current));
  }, [filterJson]);

  const active = segments.find((s) => s.id === segmentId) ?? null;
  // The segment's filter as the editor would send it, to tell whether the editor changed it.
  const saved = active ? fromFilter(active.filter) : null;
  const activeJson = saved ? JSON.stringify(toFilter(saved.search, saved.match, saved.items, setup.fields)) : null;
  const changed = active !== null && activeJson !== filterJson;

  // The view in the URL, without a server round trip.
  useEffect(() => {
    const url = new URL(window.location.href);
    const empty = filter.conditions.length === 0 && !filter.search;
    if (active && !changed) {
      url.searchParams.set("segment", active.id);
      url.searchParams.delete("f");
    } else {
      url.searchParams.delete("segment");
      if (empty) url.searchParams.delete("f");
      else url.searchParams.set("f", encodeFilterParam(filter));
    }
    window.history.replaceState(window.history.state, "", url);
  }, [filter, active, changed]);

  const columns = useMemo(() => contactColumns(setup, t, format), [setup, t, format]);
  // eslint-disable-next-line react-hooks/incompatible-library -- the table is rebuilt each render and never memoized here
  const table = useReactTable({
    data: page.contacts,
    columns,
    getRowId: (row) => row.id,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    state: { columnVisibility: visibility },
    onColumnVisibilityChange: (updater) => setVisibility(typeof updater === "function" ? updater(visibility) : updater),
  });

  const load = (next: { search: string; match: "all" | "any"; items: DraftItem[] }) => {
    setSearch(next.search);
    setMatch(next.match);
    setItems(next.items);
    setShowFilters(next.items.length > 0);
  };
  const pick = (segment: SegmentOption | null) => {
    setSegmentId(segment?.id ?? null);
    load(segment ? fromFilter(segment.filter) : { search: "", match: "all", items: [] });
  };

  const count = selectedCount(selection, page.total);
  const pageIds = page.contacts.map((c) => c.id);
  const allOnPage = pageIds.length > 0 && pageIds.every((id) => isSelected(selection, id));
  const filtered = filter.conditions.length > 0 || Boolean(filter.search);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <input
          type="search"
          aria-label={t("search")}
          placeholder={t("searchPlaceholder")}
          className="h-9 w-72 max-w-full rounded-md border border-zinc-300 bg-white px-3 text-sm dark:border-zinc-700 dark:bg-zinc-900"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <Button type="button" size="sm" variant={showFilters ? "secondary" : "ghost"} aria-expanded={showFilters} onClick={() => setShowFilters((v) => !v)}>
          {items.length > 0 ? t("filtersCount", { count: items.length }) : t("filters")}
        </Button>
        {filtered && (
          <Button type="button" size="sm" variant="ghost" onClick={() => pick(null)}>
            {t("clearFilters")}
          </Button>
        )}
        <span className="ml-auto flex items-center gap-2">
          {setup.canExport && <ExportButton slug={setup.slug} filter={filter} segmentId={active && !changed ? active.id : null} />}
          <ColumnChooser table={table} />
        </span>
      </div>

      {showFilters && (
        <FilterEditor
          setup={setup}
          match={match}
          items={items}
          onChange={(m, next) => {
            setMatch(m);
            setItems(next);
          }}
        />
      )}

      <div className="flex flex-wrap items-center justify-between gap-2">
        <SegmentBar
          slug={setup.slug}
          segments={segments}
          activeId={segmentId}
          changed={changed}
          filter={filter}
          onPick={pick}
          onSaved={(saved) => {
            setSegments((list) => [...list.filter((s) => s.id !== saved.id), saved].sort((a, b) => a.name.localeCompare(b.name)));
            setSegmentId(saved.id);
            setNotice(t("segments.saved", { name: saved.name }));
          }}
          onDeleted={(id) => {
            setSegments((list) => list.filter((s) => s.id !== id));
            setSegmentId(null);
          }}
        />
        <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="contacts-count" aria-live="polite">
          {filtered ? t("matching", { count: page.total }) : t("count", { count: page.total })}
        </p>
      </div>

      {notice && (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {notice}
        </p>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}

      {count > 0 && (
        <BulkBar
          setup={setup}
          count={count}
          selection={() => forServer(selection, filter)}
          onClear={() => setSelection(NOTHING)}
          onDone={(message, cleared) => {
            setNotice(message);
            if (cleared) setSelection(NOTHING);
            void reload();
          }}
        />
      )}
      {allOnPage && selection.kind === "ids" && page.total > pageIds.length && (
        <p className="text-sm">
          {t("pageSelected", { count: pageIds.length })}{" "}
          <button type="button" className="font-medium text-brand-700 underline dark:text-brand-500" onClick={() => setSelection({ kind: "all", except: new Set() })}>
            {t("selectAll", { count: page.total })}
          </button>
        </p>
      )}

      <ContactsGrid
        table={table}
        sort={sort}
        onSort={setSort}
        loading={loading}
        isSelected={(id) => isSelected(selection, id)}
        onToggle={(id, on) => setSelection((current) => toggle(current, id, on))}
        onTogglePage={(on) => setSelection((current) => pageIds.reduce((acc, id) => toggle(acc, id, on), current))}
      />

      <nav className="flex items-center gap-3" aria-label={t("pages")}>
        <Button type="button" size="sm" variant="secondary" disabled={!page.previousCursor || loading} onClick={() => setBoundary({ before: page.previousCursor })}>
          {t("previous")}
        </Button>
        <Button type="button" size="sm" variant="secondary" disabled={!page.nextCursor || loading} onClick={() => setBoundary({ after: page.nextCursor })}>
          {t("next")}
        </Button>
      </nav>
    </div>
  );
}
