"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { nextTickIn, windowState, type WindowState } from "@/components/inbox/timeline/window-countdown";

/** The 24-hour window, re-evaluated when its text would change (at most once a minute). */
export function useWindowState(windowExpiresAt: Date | null): WindowState {
  const [now, setNow] = useState(() => new Date());
  const state = windowState(windowExpiresAt, now);
  const delay = nextTickIn(state);
  // Re-armed only when the clock ticked or the window moved (a new inbound message), not on every render.
  useEffect(() => {
    const timer = setTimeout(() => setNow(new Date()), delay);
    return () => clearTimeout(timer);
  }, [now, delay]);
  return state;
}

export function WindowNotice({ state }: { state: WindowState }) {
  const t = useTranslations("inboxComposer.window");
  if (!state.open) return null;
  const text = state.hoursLeft > 0 ? t("closesInHours", { hours: state.hoursLeft }) : t("closesInMinutes", { minutes: state.minutesLeft });
  return (
    <p className={`text-xs ${state.hoursLeft < 1 ? "text-amber-700 dark:text-amber-400" : "text-zinc-500 dark:text-zinc-400"}`} title={t("explain")}>
      {text}
    </p>
  );
}
