"use client";

/**
 * Which columns of the contacts table are shown: chosen per workspace and kept in this browser
 * (localStorage, read as an external store: the server renders the defaults, the saved choice
 * applies on hydration without a mismatch, and another tab's change follows).
 */
import { useCallback, useMemo, useSyncExternalStore } from "react";
import type { VisibilityState } from "@tanstack/react-table";
import { DEFAULT_HIDDEN } from "./columns";

const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

function read(raw: string | null): VisibilityState {
  const visibility: VisibilityState = Object.fromEntries(DEFAULT_HIDDEN.map((id) => [id, false]));
  try {
    const saved: unknown = JSON.parse(raw ?? "null");
    if (saved && typeof saved === "object" && !Array.isArray(saved)) {
      for (const [id, shown] of Object.entries(saved)) if (typeof shown === "boolean") visibility[id] = shown;
    }
  } catch {
    // A broken saved value is the defaults.
  }
  return visibility;
}

export function useColumnVisibility(slug: string) {
  const key = `parley.contacts.columns.${slug}`;
  const raw = useSyncExternalStore(
    subscribe,
    () => window.localStorage.getItem(key),
    () => null,
  );
  const visibility = useMemo(() => read(raw), [raw]);
  const change = useCallback(
    (next: VisibilityState) => {
      try {
        window.localStorage.setItem(key, JSON.stringify(next));
      } catch {
        // Private mode or a full storage: nothing to keep it in.
      }
      for (const listener of listeners) listener();
    },
    [key],
  );
  return [visibility, change] as const;
}
