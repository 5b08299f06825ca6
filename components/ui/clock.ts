"use client";

/**
 * One clock for every time shown relative to now ("2 minutes ago", "Today", "Window closes in 3 h").
 *
 * While a page hydrates, the clock reads the server's render time (next-intl's `now`, set once per
 * request in lib/i18n/request.ts), so the browser's first render is the server's HTML to the letter;
 * right after, and in everything mounted later, it reads the browser's clock, and one shared timer
 * has every reader look again each TICK_MS while anything listens.
 */
import { useNow } from "next-intl";
import { useSyncExternalStore } from "react";

export const TICK_MS = 10_000;

type Listener = () => void;

/**
 * The browser's side. Its instant is the time rounded up to the second: the same for every read
 * within that second (React asks for a stable snapshot), never behind the real time (an invitation
 * made a moment ago expires "in 7 days", not "in 1 week").
 */
export function createClockStore(read: () => number = Date.now, tickMs: number = TICK_MS) {
  const listeners = new Set<Listener>();
  let timer: ReturnType<typeof setInterval> | undefined;
  let current = 0;

  return {
    now(): number {
      const at = read();
      if (at > current) current = Math.ceil(at / 1000) * 1000;
      return current;
    },
    subscribe(listener: Listener): () => void {
      listeners.add(listener);
      timer ??= setInterval(() => {
        for (const notify of listeners) notify();
      }, tickMs);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && timer !== undefined) {
          clearInterval(timer);
          timer = undefined;
        }
      };
    },
  };
}

const browserClock = createClockStore();

/**
 * What `select` makes of the current time. The component re-renders only when that changes, so
 * select something coarse and primitive (the text shown, a day, a number of minutes).
 */
export function useClock<T extends string | number | boolean | null>(select: (now: Date) => T): T {
  const serverNow = useNow();
  return useSyncExternalStore(
    browserClock.subscribe,
    () => select(new Date(browserClock.now())),
    () => select(serverNow),
  );
}
