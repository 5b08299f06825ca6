import { useFormatter, useTranslations } from "next-intl";
import { TimelineIcon } from "./icons";
import type { ViewNote } from "./types";
import { WhatsAppText } from "./whatsapp-text";

/** An internal note: inline in the timeline, styled apart so no one mistakes it for a message the customer saw. */
export function NoteBubble({ note }: { note: ViewNote }) {
  const t = useTranslations("inboxTimeline.note");
  const format = useFormatter();
  return (
    <div className="my-2 flex justify-center px-3" data-note-id={note.id}>
      <aside
        aria-label={t("label")}
        className="w-full max-w-lg rounded-lg border border-dashed border-amber-400 bg-amber-50 px-3 py-2 text-amber-950 dark:border-amber-600 dark:bg-amber-950/40 dark:text-amber-50"
      >
        <p className="mb-1 flex items-center gap-1 text-xs font-medium text-amber-800 dark:text-amber-300">
          <TimelineIcon name="note" className="size-3.5" />
          {t("by", { name: note.author?.name || t("someone") })}
          <span aria-hidden>·</span>
          <time dateTime={note.createdAt.toISOString()}>{format.dateTime(note.createdAt, { hour: "numeric", minute: "2-digit" })}</time>
          <span className="ml-auto">{t("teamOnly")}</span>
        </p>
        <WhatsAppText text={note.body} className="text-sm" />
      </aside>
    </div>
  );
}
