import { useTranslations } from "next-intl";
import { TimelineIcon } from "@/components/inbox/timeline/icons";
import type { ViewMessage } from "@/components/inbox/timeline/types";

/** The message being replied to, above the text box; Esc or × cancels. */
export function ReplyStrip({ message, onCancel }: { message: ViewMessage; onCancel: () => void }) {
  const t = useTranslations("inboxComposer.reply");
  return (
    <div className="flex items-start gap-2 border-l-4 border-brand-500 bg-zinc-50 px-3 py-2 dark:bg-zinc-800/60">
      <div className="min-w-0 flex-1">
        <p className="text-xs font-medium text-brand-700 dark:text-brand-100">{message.direction === "inbound" ? t("toCustomer") : t("toYours")}</p>
        <p className="truncate text-sm text-zinc-600 dark:text-zinc-300">{message.previewText ?? "…"}</p>
      </div>
      <button type="button" onClick={onCancel} className="rounded p-1 hover:bg-zinc-200 dark:hover:bg-zinc-700" aria-label={t("cancel")} title={t("cancel")}>
        <TimelineIcon name="x" />
      </button>
    </div>
  );
}
