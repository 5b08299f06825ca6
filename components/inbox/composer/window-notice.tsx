"use client";

import { useMemo } from "react";
import { useTranslations } from "next-intl";
import { useClock } from "@/components/ui/clock";
import { windowState, type WindowState } from "@/components/inbox/timeline/window-countdown";

/** The 24-hour window from the shared clock, re-rendering only when its text would change. */
export function useWindowState(windowExpiresAt: Date | null): WindowState {
  const minutesLeft = useClock((now) => {
    const state = windowState(windowExpiresAt, now);
    return state.open ? state.hoursLeft * 60 + state.minutesLeft : 0;
  });
  return useMemo<WindowState>(() => (minutesLeft > 0 ? { open: true, hoursLeft: Math.floor(minutesLeft / 60), minutesLeft: minutesLeft % 60 } : { open: false }), [minutesLeft]);
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
