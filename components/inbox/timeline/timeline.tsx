"use client";

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { TimelineItem } from "./day-groups";
import { DaySeparator } from "./day-separator";
import { TimelineIcon } from "./icons";
import { MessageBubble, type BubbleHandlers } from "./message-bubble";
import { NoteBubble } from "./note-bubble";

/** How close to the bottom (px) still counts as "at the bottom" for sticking to new messages. */
const STICK_THRESHOLD = 80;
/** How close to the top (px) starts loading older history. */
const LOAD_THRESHOLD = 200;

export interface TimelineProps {
  items: TimelineItem[];
  hasOlder: boolean;
  loadingOlder: boolean;
  onLoadOlder: () => Promise<void>;
  handlers: BubbleHandlers;
  highlightedId: string | null;
  /** Changes when the agent sends something: the timeline then scrolls to the bottom whatever its position. */
  ownSendCount: number;
}

/**
 * The scrolling list of a conversation. Older history loads when the agent scrolls near the top,
 * keeping what they were reading in place; new messages keep the view at the bottom only if it
 * was already there, otherwise a "new messages" pill offers the jump.
 */
export function Timeline({ items, hasOlder, loadingOlder, onLoadOlder, handlers, highlightedId, ownSendCount }: TimelineProps) {
  const t = useTranslations("inboxTimeline");
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  // Distance from the bottom before older items were prepended, restored after they render.
  const anchorFromBottom = useRef<number | null>(null);
  const lastKey = useRef<string | null>(null);
  // The newest item the agent has seen at the bottom; anything after it counts as "new messages".
  const [seenKey, setSeenKey] = useState<string | null>(null);
  const unseen = useMemo(() => {
    const index = seenKey === null ? -1 : items.findIndex((item) => item.key === seenKey);
    return index < 0 ? 0 : items.slice(index + 1).filter((item) => item.kind !== "day").length;
  }, [items, seenKey]);

  const scrollToBottom = useCallback((smooth = false) => {
    const el = scroller.current;
    if (!el) return;
    // The scroll event that follows marks everything seen (onScroll).
    el.scrollTo({ top: el.scrollHeight, behavior: smooth ? "smooth" : "auto" });
    atBottom.current = true;
  }, []);

  const loadOlder = useCallback(async () => {
    const el = scroller.current;
    if (!el || !hasOlder || loadingOlder) return;
    anchorFromBottom.current = el.scrollHeight - el.scrollTop;
    await onLoadOlder();
  }, [hasOlder, loadingOlder, onLoadOlder]);

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_THRESHOLD;
    if (atBottom.current) setSeenKey(items[items.length - 1]?.key ?? null);
    if (el.scrollTop < LOAD_THRESHOLD) void loadOlder();
  };

  // Before paint: restore the reading position after a prepend, or follow new messages at the bottom.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    if (anchorFromBottom.current !== null) {
      el.scrollTop = el.scrollHeight - anchorFromBottom.current;
      anchorFromBottom.current = null;
    }
    const newest = items[items.length - 1]?.key ?? null;
    if (newest !== lastKey.current) {
      lastKey.current = newest;
      if (atBottom.current) el.scrollTop = el.scrollHeight;
    }
  }, [items]);

  useEffect(() => {
    if (ownSendCount > 0) scrollToBottom();
  }, [ownSendCount, scrollToBottom]);

  // A short history may not fill the view: keep loading until it scrolls or history ends.
  useEffect(() => {
    const el = scroller.current;
    if (el && hasOlder && !loadingOlder && el.scrollHeight <= el.clientHeight) void loadOlder();
  }, [items, hasOlder, loadingOlder, loadOlder]);

  return (
    <div className="relative min-h-0 flex-1">
      <div
        ref={scroller}
        onScroll={onScroll}
        className="h-full overflow-y-auto overscroll-contain bg-zinc-100 py-2 dark:bg-zinc-950"
        role="log"
        aria-live="polite"
        aria-relevant="additions"
        aria-label={t("label")}
        tabIndex={0}
        data-testid="conversation-timeline"
      >
        {hasOlder ? (
          <div className="flex justify-center py-2">
            <button type="button" onClick={() => void loadOlder()} disabled={loadingOlder} className="rounded-full px-3 py-1 text-xs text-zinc-600 hover:bg-white dark:text-zinc-300 dark:hover:bg-zinc-800">
              {loadingOlder ? t("loadingOlder") : t("loadOlder")}
            </button>
          </div>
        ) : (
          items.length > 0 && <p className="py-2 text-center text-xs text-zinc-500 dark:text-zinc-400">{t("startOfConversation")}</p>
        )}
        {items.length === 0 && <p className="py-10 text-center text-sm text-zinc-500 dark:text-zinc-400">{t("empty")}</p>}
        {items.map((item) =>
          item.kind === "day" ? (
            <DaySeparator key={item.key} label={item.label} />
          ) : item.kind === "note" ? (
            <NoteBubble key={item.key} note={item.note} />
          ) : (
            <MessageBubble key={item.key} message={item.message} showAuthor={item.showAuthor} highlighted={highlightedId === item.message.id} handlers={handlers} />
          ),
        )}
      </div>
      {unseen > 0 && (
        <button
          type="button"
          onClick={() => scrollToBottom(true)}
          className="absolute bottom-3 left-1/2 flex -translate-x-1/2 items-center gap-1 rounded-full bg-brand-600 px-3 py-1.5 text-xs font-medium text-white shadow-lg hover:bg-brand-700"
        >
          <TimelineIcon name="arrowDown" className="size-3.5" />
          {t("newMessages", { count: unseen })}
        </button>
      )}
    </div>
  );
}
