"use client";

import { useEffect, useRef, useState } from "react";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { TimelineIcon } from "@/components/inbox/timeline/icons";

// The picker and its emoji data load only when first opened. Native emoji: nothing from a CDN.
const EmojiPicker = dynamic(() => import("emoji-picker-react"), { ssr: false });

export function EmojiButton({ onPick, disabled }: { onPick: (emoji: string) => void; disabled?: boolean }) {
  const t = useTranslations("inboxComposer.emoji");
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !box.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  return (
    <div className="relative" ref={box}>
      <button
        type="button"
        disabled={disabled}
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        aria-label={t("open")}
        title={t("open")}
        className="rounded-md p-2 text-zinc-600 hover:bg-zinc-100 disabled:opacity-40 dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        <TimelineIcon name="smile" className="size-5" />
      </button>
      {open && (
        <div className="absolute bottom-12 left-0 z-30">
          <EmojiPicker
            emojiStyle="native"
            colorScheme="auto"
            lazyLoadEmojis
            autoFocusSearch
            previewConfig={{ showPreview: false }}
            width={320}
            height={380}
            labels={{ searchPlaceholder: t("search"), searchLabel: t("search"), searchResultsNone: t("none") }}
            onEmojiClick={(data) => onPick(data.emoji)}
          />
        </div>
      )}
    </div>
  );
}
