"use client";

import { useEffect, useRef } from "react";

export interface InboxShortcuts {
  next: () => void;
  previous: () => void;
  focusSearch: () => void;
  resolve: () => void;
  markUnread: () => void;
}

/** True while the user types somewhere: letters then belong to the field, not to shortcuts. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * The inbox keys: j / ↓ next and k / ↑ previous conversation, Ctrl/Cmd+K the search, e resolve,
 * u mark unread. Ignored while typing, and with other modifiers (browser and OS shortcuts win).
 */
export function useInboxShortcuts(shortcuts: InboxShortcuts): void {
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "k") {
        event.preventDefault();
        latest.current.focusSearch();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || typing(event.target)) return;
      // Open menus and dialogs handle their own arrows.
      if (event.target instanceof HTMLElement && event.target.closest("[role=menu],[role=dialog],[role=tablist]")) return;
      const action = { j: "next", ArrowDown: "next", k: "previous", ArrowUp: "previous", e: "resolve", u: "markUnread" }[event.key] as keyof InboxShortcuts | undefined;
      if (!action) return;
      // Arrows scroll whatever has focus (the timeline, the contact panel); they move through
      // conversations only from the list itself or from nowhere in particular.
      if (event.key.startsWith("Arrow") && event.target instanceof HTMLElement && event.target !== document.body && !event.target.closest("[data-inbox-list]")) return;
      event.preventDefault();
      latest.current[action]();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
