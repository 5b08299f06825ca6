import { useFormatter, useTranslations } from "next-intl";
import type { DayLabel } from "./day-groups";

export function DaySeparator({ label }: { label: DayLabel }) {
  const t = useTranslations("inboxTimeline.day");
  const format = useFormatter();
  const text = label.kind === "date" ? format.dateTime(label.date, { weekday: "long", day: "numeric", month: "long", year: "numeric" }) : t(label.kind);
  return (
    <div className="sticky top-1 z-[5] my-3 flex justify-center" role="separator" aria-label={text}>
      <span className="rounded-full bg-white/90 px-3 py-0.5 text-xs font-medium text-zinc-600 shadow-sm backdrop-blur dark:bg-zinc-800/90 dark:text-zinc-300">{text}</span>
    </div>
  );
}
