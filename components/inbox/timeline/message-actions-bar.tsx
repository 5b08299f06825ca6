"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { TimelineIcon } from "./icons";

export const QUICK_REACTIONS = ["👍", "❤️", "😂", "😮", "😢", "🙏"] as const;

/** The hover (and keyboard-focus) actions of a bubble: reply, and react with a quick emoji. */
export function MessageActionsBar({ onReply, onReact, align }: { onReply: () => void; onReact: (emoji: string) => void; align: "start" | "end" }) {
  const t = useTranslations("inboxTimeline.actions");
  const [picking, setPicking] = useState(false);
  return (
    <div
      className={`absolute -top-3 z-10 flex items-center gap-0.5 rounded-full border border-zinc-200 bg-white p-0.5 opacity-0 shadow-sm transition-opacity group-hover:opacity-100 group-focus-within:opacity-100 dark:border-zinc-700 dark:bg-zinc-800 ${align === "end" ? "right-2" : "left-2"}`}
    >
      {picking ? (
        <div role="group" aria-label={t("reactions")} className="flex items-center" onKeyDown={(e) => e.key === "Escape" && setPicking(false)}>
          {QUICK_REACTIONS.map((emoji) => (
            <button
              key={emoji}
              type="button"
              className="rounded-full px-1 text-base hover:bg-zinc-100 dark:hover:bg-zinc-700"
              aria-label={t("reactWith", { emoji })}
              onClick={() => {
                setPicking(false);
                onReact(emoji);
              }}
            >
              {emoji}
            </button>
          ))}
          <button type="button" className="rounded-full p-1 hover:bg-zinc-100 dark:hover:bg-zinc-700" aria-label={t("closeReactions")} onClick={() => setPicking(false)}>
            <TimelineIcon name="x" className="size-3.5" />
          </button>
        </div>
      ) : (
        <>
          <button type="button" className="rounded-full p-1 hover:bg-zinc-100 dark:hover:bg-zinc-700" aria-label={t("reply")} title={t("reply")} onClick={onReply}>
            <TimelineIcon name="reply" />
          </button>
          <button type="button" className="rounded-full p-1 hover:bg-zinc-100 dark:hover:bg-zinc-700" aria-label={t("react")} title={t("react")} onClick={() => setPicking(true)}>
            <TimelineIcon name="smile" />
          </button>
        </>
      )}
    </div>
  );
}
