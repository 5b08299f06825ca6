"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ConversationListItem } from "@/lib/services/inbox/list-conversations";
import { cn } from "@/components/ui/cn";
import { RelativeTime } from "@/components/ui/relative-time";
import { Avatar } from "./avatar";

/** One conversation in the list: who, the last message, when, unread count, assignee. */
export function ConversationRow({ item, href, selected }: { item: ConversationListItem; href: string; selected: boolean }) {
  const t = useTranslations("inboxList");
  const who = item.contact.displayName ?? t("unknownContact");
  const unread = item.unreadCount > 0;
  const at = item.lastMessageAt ? new Date(item.lastMessageAt) : null;
  return (
    <li>
      <Link
        href={href}
        aria-current={selected ? "page" : undefined}
        data-conversation-id={item.id}
        className={cn(
          "flex items-start gap-3 px-4 py-3 outline-none hover:bg-zinc-50 focus-visible:bg-zinc-50 focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-brand-600 dark:hover:bg-zinc-800/60 dark:focus-visible:bg-zinc-800/60",
          selected && "bg-brand-50 hover:bg-brand-50 dark:bg-brand-700/20 dark:hover:bg-brand-700/20",
        )}
      >
        <Avatar name={item.contact.displayName} />
        <div className="min-w-0 flex-1">
          <div className="flex items-baseline justify-between gap-2">
            <p className={cn("truncate text-sm", unread ? "font-semibold" : "font-medium")}>{who}</p>
            {at && (
<RelativeTime date={at} notAfterNow className="shrink-0 text-xs text-zinc-500 dark:text-zinc-400" />
            )}
          </div>
          <div className="mt-0.5 flex items-center justify-between gap-2">
            <p className={cn("truncate text-sm", unread ? "text-zinc-900 dark:text-zinc-100" : "text-zinc-600 dark:text-zinc-400")}>{item.lastMessagePreview ?? "—"}</p>
            <div className="flex shrink-0 items-center gap-1.5">
              {item.status === "resolved" && <span className="text-xs text-zinc-500 dark:text-zinc-400">{t("resolved")}</span>}
              {item.assignee && (
                <span title={t("assignedTo", { name: item.assignee.name })}>
                  <Avatar name={item.assignee.name} size="sm" />
                  <span className="sr-only">{t("assignedTo", { name: item.assignee.name })}</span>
                </span>
              )}
              {unread && (
                <span className="min-w-5 rounded-full bg-brand-600 px-1.5 py-0.5 text-center text-xs font-semibold text-white" aria-label={t("unread", { count: item.unreadCount })}>
                  {item.unreadCount}
                </span>
              )}
            </div>
          </div>
        </div>
      </Link>
    </li>
  );
}
