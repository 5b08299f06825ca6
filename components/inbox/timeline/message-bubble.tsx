"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import { memo, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { isOptimistic } from "./merge-messages";
import { MessageActionsBar } from "./message-actions-bar";
import { MessageBody } from "./message-body";
import { StatusTicks } from "./status-ticks";
import type { ViewMessage } from "./types";

/** "Campaign: Sale" on a campaign's send, "Reply to campaign: Sale" on a reply within its window, linking to it. */
function CampaignTag({ campaign, outbound }: { campaign: NonNullable<ViewMessage["campaign"]>; outbound: boolean }) {
  const t = useTranslations("inboxTimeline");
  const { slug } = useParams<{ slug: string }>();
  return (
    <p className={cn("mb-0.5 px-1 text-xs", outbound ? "text-right" : "text-left")} data-testid="message-campaign">
      <Link href={`/w/${slug}/campaigns/${campaign.id}`} className="text-brand-700 hover:underline dark:text-brand-300">
        {t(campaign.role === "sent" ? "campaignSent" : "campaignReply", { name: campaign.name })}
      </Link>
    </p>
  );
}

export interface BubbleHandlers {
  onReply: (message: ViewMessage) => void;
  onReact: (message: ViewMessage, emoji: string) => void;
  onRetry: (message: ViewMessage) => Promise<void>;
  onRetryDownload: (message: ViewMessage, mediaId: string) => Promise<void>;
  onJumpTo: (messageId: string) => void;
}

function Quote({ quoted, onJumpTo }: { quoted: NonNullable<ViewMessage["quoted"]>; onJumpTo: (id: string) => void }) {
  const t = useTranslations("inboxTimeline");
  const who = quoted.direction === "inbound" ? t("quote.customer") : quoted.direction === "outbound" ? t("quote.you") : t("quote.unknown");
  const inner = (
    <>
      <span className="block text-xs font-medium text-brand-700 dark:text-brand-100">{who}</span>
      <span className="line-clamp-2 text-xs text-zinc-600 dark:text-zinc-300">{quoted.preview ?? t("quote.unavailable")}</span>
    </>
  );
  const className = "mb-1 block w-full rounded-md border-l-4 border-brand-500 bg-black/5 px-2 py-1 text-left dark:bg-white/5";
  if (!quoted.id) return <div className={className}>{inner}</div>;
  const id = quoted.id;
  return (
    <button type="button" className={cn(className, "hover:bg-black/10 dark:hover:bg-white/10")} onClick={() => onJumpTo(id)} aria-label={t("quote.jump")}>
      {inner}
    </button>
  );
}

/** One message: who, what (by type), when, its ticks or its failure, reactions, and its actions. */
export const MessageBubble = memo(function MessageBubble({ message, showAuthor, highlighted, handlers }: { message: ViewMessage; showAuthor: boolean; highlighted: boolean; handlers: BubbleHandlers }) {
  const t = useTranslations("inboxTimeline");
  const format = useFormatter();
  const [retrying, setRetrying] = useState(false);
  const outbound = message.direction === "outbound";
  const system = message.type === "system";
  const sticker = message.type === "sticker" && message.media?.status === "stored";
  const optimistic = isOptimistic(message);

  if (system) {
    return (
      <div className="my-2 flex justify-center" data-message-id={message.id}>
        <div className="max-w-md rounded-lg bg-amber-50 px-3 py-1.5 text-center text-amber-900 dark:bg-amber-900/30 dark:text-amber-100">
          <MessageBody message={message} onRetryDownload={(id) => handlers.onRetryDownload(message, id)} />
        </div>
      </div>
    );
  }

  return (
    <div className={cn("flex px-3", outbound ? "justify-end" : "justify-start", showAuthor ? "mt-3" : "mt-1")} data-message-id={message.id}>
      <div className={cn("group relative max-w-[85%] sm:max-w-[70%]", message.reactions.length > 0 && "mb-3")}>
        {showAuthor && outbound && (
          <p className="mb-0.5 px-1 text-right text-xs text-zinc-500 dark:text-zinc-400">{message.author?.name || t("business")}</p>
        )}
        {message.campaign && <CampaignTag campaign={message.campaign} outbound={outbound} />}
        <article
          aria-label={outbound ? t("fromYou") : t("fromCustomer")}
          className={cn(
            "rounded-lg px-3 py-2 shadow-sm transition-shadow",
            sticker
              ? "bg-transparent shadow-none"
              : outbound
                ? "bg-brand-100 text-zinc-900 dark:bg-brand-700/40 dark:text-zinc-50"
                : "bg-white text-zinc-900 dark:bg-zinc-800 dark:text-zinc-50",
            message.status === "failed" && "ring-1 ring-red-400",
            highlighted && "ring-2 ring-sky-400",
          )}
        >
          {message.quoted && <Quote quoted={message.quoted} onJumpTo={handlers.onJumpTo} />}
          <MessageBody message={message} onRetryDownload={(id) => handlers.onRetryDownload(message, id)} />
          <p className="mt-1 flex items-center justify-end gap-1 text-[11px] text-zinc-500 dark:text-zinc-400">
            <time dateTime={message.timestamp.toISOString()} title={format.dateTime(message.timestamp, { dateStyle: "medium", timeStyle: "short" })}>
              {format.dateTime(message.timestamp, { hour: "numeric", minute: "2-digit" })}
            </time>
            {outbound && <StatusTicks status={message.status} />}
          </p>
        </article>
        {message.status === "failed" && (
          <div className="mt-1 flex flex-wrap items-center justify-end gap-2 text-xs text-red-700 dark:text-red-400" role="alert">
            <span>
              {message.errorTitle ?? t("failedUnknown")}
              {message.errorCode !== null && ` (${message.errorCode})`}
            </span>
            <Button
              size="sm"
              variant="secondary"
              className="h-7"
              pending={retrying}
              onClick={async () => {
                setRetrying(true);
                try {
                  await handlers.onRetry(message);
                } finally {
                  setRetrying(false);
                }
              }}
            >
              {t("retry")}
            </Button>
          </div>
        )}
        {message.reactions.length > 0 && (
          <ul
            className={cn(
              "absolute -bottom-3 flex gap-0.5 rounded-full border border-zinc-200 bg-white px-1 text-sm shadow-sm dark:border-zinc-700 dark:bg-zinc-800",
              outbound ? "right-2" : "left-2",
            )}
            aria-label={t("reactionsLabel")}
          >
            {message.reactions.map((r) => (
              <li key={r.direction} title={r.direction === "inbound" ? t("quote.customer") : t("quote.you")}>
                {r.emoji}
              </li>
            ))}
          </ul>
        )}
        {!optimistic && message.type !== "reaction" && (
          <MessageActionsBar align={outbound ? "end" : "start"} onReply={() => handlers.onReply(message)} onReact={(emoji) => handlers.onReact(message, emoji)} />
        )}
      </div>
    </div>
  );
});
