"use client";

/**
 * The inbox's left pane: filter tabs, search, the conversations (newest activity first), more as
 * you scroll, kept live by real-time signals (a changed row comes in the signal, or is refetched
 * when too large to carry, and is moved; after a reconnect the first page is reloaded), and the
 * inbox keyboard shortcuts.
 */
import { useCallback, useRef, useState, useTransition, type ReactNode } from "react";
import { useParams, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ConversationListItem } from "@/lib/services/inbox/list-conversations";
import { SEARCH_MAX_LENGTH, type ConversationFilter } from "@/lib/services/inbox/filters";
import { useRealtimeCatchUp, useRealtimeEvent } from "@/components/realtime/realtime-provider";
import { loadConversationListItem, loadConversations } from "@/app/actions/inbox/reads";
import { markConversationUnreadAction, resolveConversationAction } from "@/app/actions/inbox/conversations";
import { rowFromWire, type WireRow } from "@/lib/realtime/wire";
import { appendPage, upsertRow } from "./list-rows";
import { ConversationRow } from "./conversation-row";
import { FilterTabs } from "./filter-tabs";
import { SearchBox } from "./search-box";
import { useInboxShortcuts } from "./use-inbox-shortcuts";
import { useInfiniteScroll } from "./use-infinite-scroll";
import { useUnreadTitle } from "./use-unread-title";

interface Page {
  items: ConversationListItem[];
  nextCursor: string | null;
}

export function ConversationList({ slug, userId, initial, toolbar }: { slug: string; userId: string; initial: Page; /** Beside the search box (e.g. the notifications bell). */ toolbar?: ReactNode }) {
  const t = useTranslations("inboxList");
  const router = useRouter();
  const params = useParams<{ conversationId?: string }>();
  const selectedId = params.conversationId ?? null;
  const [filter, setFilter] = useState<ConversationFilter>("all");
  const [search, setSearch] = useState("");
  const [rows, setRows] = useState(initial.items);
  const [cursor, setCursor] = useState(initial.nextCursor);
  const [failed, setFailed] = useState(false);
  const [loading, startLoading] = useTransition();
  const searchInput = useRef<HTMLInputElement>(null);
  // The newest request wins: a slow answer for an old filter or search must not overwrite.
  const request = useRef(0);

  const reload = useCallback(
    (next: { filter: ConversationFilter; search: string }) => {
      const id = ++request.current;
      startLoading(async () => {
        const result = await loadConversations({ slug, filter: next.filter, search: next.search || null }).catch(() => undefined);
        if (id !== request.current) return;
        if (!result?.data) return setFailed(true);
        setFailed(false);
        setRows(result.data.items);
        setCursor(result.data.nextCursor);
      });
    },
    [slug],
  );

  const loadMore = () => {
    if (!cursor || loading) return;
    const id = request.current;
    startLoading(async () => {
      const result = await loadConversations({ slug, filter, search: search || null, cursor }).catch(() => undefined);
      if (id !== request.current || !result?.data) return;
      setRows((current) => appendPage(current, result.data!.items));
      setCursor(result.data.nextCursor);
    });
  };
  const sentinel = useInfiniteScroll(loadMore, cursor !== null, rows.length);

  const refreshRow = async (conversationId: string) => {
    const result = await loadConversationListItem({ slug, conversationId }).catch(() => undefined);
    const item = result?.data;
    if (!item) {
      // Gone (deleted, or no longer visible): drop it.
      if (result?.serverError?.code === "not_found") setRows((current) => current.filter((r) => r.id !== conversationId));
      return;
    }
    setRows((current) => upsertRow(current, item, { filter, userId, searching: search !== "", complete: cursor === null }));
  };
  // The signal carries the row as it now is; only one too large to carry is read.
  const applyRow = (conversationId: string, row: WireRow | undefined) => {
    if (!row) return void refreshRow(conversationId);
    const item = rowFromWire(row);
    setRows((current) => upsertRow(current, item, { filter, userId, searching: search !== "", complete: cursor === null }));
  };
  useRealtimeEvent("message.created", (e) => applyRow(e.conversationId, e.row));
  useRealtimeEvent("conversation.updated", (e) => applyRow(e.conversationId, e.row));
  useRealtimeEvent("contact.updated", (e) => {
    const row = rows.find((r) => r.contact.id === e.contactId);
    if (row) void refreshRow(row.id);
  });
  useRealtimeCatchUp(() => reload({ filter, search }));

  const unread = rows.reduce((sum, r) => sum + (r.status === "open" && r.unreadCount > 0 ? 1 : 0), 0);
  useUnreadTitle(unread, t("documentTitle"));

  const hrefOf = (id: string) => `/w/${slug}/inbox/${id}`;
  const go = (delta: number) => {
    const index = rows.findIndex((r) => r.id === selectedId);
    const next = rows[index === -1 ? (delta > 0 ? 0 : rows.length - 1) : index + delta];
    if (!next) return;
    router.push(hrefOf(next.id));
    document.querySelector(`[data-conversation-id="${next.id}"]`)?.scrollIntoView({ block: "nearest" });
  };
  useInboxShortcuts({
    next: () => go(1),
    previous: () => go(-1),
    focusSearch: () => searchInput.current?.focus(),
    resolve: () => {
      if (selectedId) void resolveConversationAction({ slug, conversationId: selectedId }).then(() => router.refresh());
    },
    markUnread: () => {
      if (selectedId) void markConversationUnreadAction({ slug, conversationId: selectedId }).then(() => router.refresh());
    },
  });

  const onSearch = useCallback(
    (query: string) =>
      setSearch((previous) => {
        if (previous !== query) reload({ filter, search: query });
        return query;
      }),
    [filter, reload],
  );

  return (
    <section aria-label={t("label")} className="flex h-full min-h-0 flex-col" data-inbox-list>
      <div className="border-b border-zinc-200 pt-1 dark:border-zinc-800">
        <div className="flex items-center gap-1 pr-2">
          <div className="min-w-0 flex-1">
            <SearchBox ref={searchInput} onSearch={onSearch} maxLength={SEARCH_MAX_LENGTH} />
          </div>
          {toolbar}
        </div>
        <FilterTabs
          value={filter}
          onChange={(next) => {
            setFilter(next);
            reload({ filter: next, search });
          }}
        />
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto" aria-busy={loading || undefined}>
        {failed && (
          <p role="alert" className="px-4 py-3 text-sm text-red-600 dark:text-red-400">
            {t("loadFailed")}
          </p>
        )}
        {rows.length === 0 && !loading && !failed ? (
          <p className="px-4 py-10 text-center text-sm text-zinc-500 dark:text-zinc-400">{search ? t("noMatches") : t(`empty.${filter}`)}</p>
        ) : (
          <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" data-testid="conversation-list">
            {rows.map((item) => (
              <ConversationRow key={item.id} item={item} href={hrefOf(item.id)} selected={item.id === selectedId} />
            ))}
            {cursor && (
              <li ref={sentinel} className="px-4 py-3 text-center text-xs text-zinc-500">
                {loading ? t("loading") : <span className="sr-only">{t("loadMore")}</span>}
              </li>
            )}
          </ul>
        )}
      </div>
      <p className="sr-only">
        {t("shortcutsHint")}
      </p>
    </section>
  );
}
