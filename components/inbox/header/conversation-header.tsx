"use client";

/**
 * Above the timeline: who the customer is, who handles the conversation, resolve / reopen, mark
 * unread. Each button calls its server action, then refreshes the page's server data; a change
 * made elsewhere arrives as `conversation.updated` and refreshes it too.
 */
import { useState, useTransition } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ConversationHeader as Header } from "@/lib/services/inbox/get-conversation";
import type { AssignableMember } from "@/lib/services/inbox/assignable-members";
import { useRealtimeEvent } from "@/components/realtime/realtime-provider";
import { Button } from "@/components/ui/button";
import {
  assignConversationAction,
  markConversationUnreadAction,
  reopenConversationAction,
  resolveConversationAction,
} from "@/app/actions/inbox/conversations";
import { AssignMenu } from "./assign-menu";
import { outcomeText, type ActionOutcome } from "./outcome-text";

export function ConversationHeader({ slug, conversation, members, userId }: { slug: string; conversation: Header; members: AssignableMember[]; userId: string }) {
  const t = useTranslations("conversationHeader");
  const tAll = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const conversationId = conversation.id;

  useRealtimeEvent("conversation.updated", (e) => {
    if (e.conversationId === conversationId) router.refresh();
  });
  useRealtimeEvent("contact.updated", (e) => {
    if (e.contactId === conversation.contact.id) router.refresh();
  });

  const run = (action: () => Promise<ActionOutcome | undefined>) =>
    startTransition(async () => {
      const outcome = await action().catch(() => undefined);
      setError(outcomeText(tAll, outcome));
      router.refresh();
    });

  const name = conversation.contact.displayName ?? t("unknownContact");
  const resolved = conversation.status === "resolved";
  return (
    <header className="flex flex-wrap items-center gap-2 border-b border-zinc-200 px-3 py-2 md:px-4 dark:border-zinc-800">
      <Link
        href={`/w/${slug}/inbox`}
        className="rounded-md p-1.5 text-zinc-600 outline-none hover:bg-zinc-100 focus-visible:ring-2 focus-visible:ring-brand-600 md:hidden dark:text-zinc-300 dark:hover:bg-zinc-800"
        aria-label={t("back")}
      >
        <span aria-hidden>←</span>
      </Link>
      <div className="min-w-0 flex-1">
        <h1 className="truncate text-base font-semibold" data-testid="conversation-title">
          {name}
        </h1>
        <p className="truncate text-xs text-zinc-500 dark:text-zinc-400">
          {conversation.contact.phone ?? (conversation.contact.waId ? `+${conversation.contact.waId}` : "")}
          {resolved && <span className="ml-2 rounded bg-zinc-100 px-1.5 py-0.5 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">{t("resolvedBadge")}</span>}
          {conversation.contact.optedOut && <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-amber-800 dark:bg-amber-900/40 dark:text-amber-200">{t("optedOutBadge")}</span>}
        </p>
      </div>
      <div className="flex items-center gap-2">
        <AssignMenu
          assignee={conversation.assignee}
          members={members}
          userId={userId}
          disabled={pending}
          onAssign={(assigneeId) => run(() => assignConversationAction({ slug, conversationId, assigneeId }))}
        />
        <Button
          variant="ghost"
          size="sm"
          disabled={pending || conversation.unreadCount > 0}
          aria-keyshortcuts="U"
          title={t("markUnreadHint")}
          onClick={() => run(() => markConversationUnreadAction({ slug, conversationId }))}
        >
          {t("markUnread")}
        </Button>
        {resolved ? (
          <Button variant="secondary" size="sm" pending={pending} onClick={() => run(() => reopenConversationAction({ slug, conversationId }))}>
            {t("reopen")}
          </Button>
        ) : (
          <Button size="sm" pending={pending} aria-keyshortcuts="E" title={t("resolveHint")} onClick={() => run(() => resolveConversationAction({ slug, conversationId }))}>
            {t("resolve")}
          </Button>
        )}
      </div>
      {error && (
        <p role="alert" className="w-full text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </header>
  );
}
