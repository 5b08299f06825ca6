import { getFormatter, getTranslations } from "next-intl/server";

interface Row {
  id: string;
  status: "open" | "resolved";
  unreadCount: number;
  lastMessagePreview: string | null;
  lastMessageAt: Date | null;
  assignee: { name: string | null; email: string } | null;
  contact: { name: string | null; profileName: string | null; phone: string | null; waId: string | null };
}

/** Conversations, newest activity first: who, the last message, when, unread count, assignee. */
export async function ConversationList({ conversations }: { conversations: Row[] }) {
  const [t, format] = await Promise.all([getTranslations("inbox"), getFormatter()]);
  const now = new Date();
  return (
    <ul className="divide-y divide-zinc-100 overflow-hidden rounded-xl border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900" data-testid="conversation-list">
      {conversations.map((c) => {
        const who = c.contact.name ?? c.contact.profileName ?? c.contact.phone ?? c.contact.waId ?? t("unknownContact");
        return (
          <li key={c.id} className="flex items-start gap-3 px-4 py-3">
            <span className="grid size-10 shrink-0 place-items-center rounded-full bg-brand-100 text-sm font-semibold text-brand-700 dark:bg-brand-700/30 dark:text-brand-100" aria-hidden>
              {who.slice(0, 1).toUpperCase()}
            </span>
            <div className="min-w-0 flex-1">
              <div className="flex items-baseline justify-between gap-2">
                <p className={`truncate text-sm ${c.unreadCount > 0 ? "font-semibold" : "font-medium"}`}>{who}</p>
                {c.lastMessageAt && (
                  <time dateTime={c.lastMessageAt.toISOString()} className="shrink-0 text-xs text-zinc-500 dark:text-zinc-400">
                    {format.relativeTime(c.lastMessageAt, now)}
                  </time>
                )}
              </div>
              <div className="mt-0.5 flex items-center justify-between gap-2">
                <p className="truncate text-sm text-zinc-600 dark:text-zinc-400">{c.lastMessagePreview ?? "—"}</p>
                <div className="flex shrink-0 items-center gap-2">
                  {c.status === "resolved" && <span className="text-xs text-zinc-500">{t("resolved")}</span>}
                  {c.assignee && <span className="text-xs text-zinc-500">{c.assignee.name ?? c.assignee.email}</span>}
                  {c.unreadCount > 0 && (
                    <span className="rounded-full bg-brand-600 px-1.5 py-0.5 text-xs font-semibold text-white" aria-label={t("unread", { count: c.unreadCount })}>
                      {c.unreadCount}
                    </span>
                  )}
                </div>
              </div>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
