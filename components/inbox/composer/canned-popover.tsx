import { useTranslations } from "next-intl";
import type { CannedOption } from "./use-canned-replies";

/** The `/` list above the text box; the text box keeps focus and drives it (arrows, Enter, Esc). */
export function CannedPopover({ id, options, active, onChoose }: { id: string; options: CannedOption[]; active: number; onChoose: (option: CannedOption) => void }) {
  const t = useTranslations("inboxComposer.canned");
  return (
    <div className="absolute bottom-full left-0 z-20 mb-2 w-full max-w-md overflow-hidden rounded-lg border border-zinc-200 bg-white shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
      <p className="border-b border-zinc-100 px-3 py-1.5 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">{t("hint")}</p>
      {options.length === 0 ? (
        <p className="px-3 py-2 text-sm text-zinc-500 dark:text-zinc-400">{t("none")}</p>
      ) : (
        <ul id={id} role="listbox" aria-label={t("label")} className="max-h-64 overflow-y-auto py-1">
          {options.map((option, i) => (
            <li
              key={option.id}
              id={`${id}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                onChoose(option);
              }}
              className={`cursor-pointer px-3 py-1.5 ${i === active ? "bg-brand-50 dark:bg-brand-700/30" : "hover:bg-zinc-50 dark:hover:bg-zinc-800"}`}
            >
              <p className="text-sm font-medium">
                <span className="text-brand-700 dark:text-brand-100">/{option.shortcut}</span> {option.title}
              </p>
              <p className="truncate text-xs text-zinc-500 dark:text-zinc-400">{option.body}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
