import { useTranslations } from "next-intl";
import { TimelineIcon } from "./icons";
import type { MessageStatus } from "./types";

/** WhatsApp's ticks: clock while pending, ✓ sent, ✓✓ delivered, blue ✓✓ read, a red mark when failed. */
export function StatusTicks({ status }: { status: MessageStatus }) {
  const t = useTranslations("inboxTimeline.status");
  if (status === "received") return null;
  const label = t(status);
  const icon =
    status === "pending" ? (
      <TimelineIcon name="clock" className="size-3.5" />
    ) : status === "sent" ? (
      <TimelineIcon name="check" className="size-4" />
    ) : status === "failed" ? (
      <TimelineIcon name="alert" className="size-3.5 text-red-600 dark:text-red-400" />
    ) : (
      <TimelineIcon name="checks" className={`size-4 ${status === "read" ? "text-sky-500 dark:text-sky-400" : ""}`} />
    );
  return (
    <span role="img" aria-label={label} title={label} className="inline-flex items-center" data-status={status}>
      {icon}
    </span>
  );
}
