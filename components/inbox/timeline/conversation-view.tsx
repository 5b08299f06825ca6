"use client";

/**
 * An open conversation: the live timeline above the composer. Holds what both share — the
 * messages (so a send appears at once), the message being replied to, the template picker — and
 * wires the bubbles' actions to the server actions.
 */
import { useCallback, useMemo, useState } from "react";
import { useTimeZone, useTranslations } from "next-intl";
import { retryMediaDownloadAction } from "@/app/actions/inbox/media";
import { addNoteAction } from "@/app/actions/inbox/messages";
import { Composer } from "@/components/inbox/composer/composer";
import { TemplatePicker, type TemplateChoice } from "@/components/inbox/composer/template-picker";
import { useSend } from "@/components/inbox/composer/use-send";
import { useClock } from "@/components/ui/clock";
import { actionErrorText } from "./action-error";
import { buildTimeline, dayKey } from "./day-groups";
import type { BubbleHandlers } from "./message-bubble";
import { Timeline } from "./timeline";
import { toViewNote } from "./to-view";
import type { ViewMessage, ViewNote } from "./types";
import { useLiveTimeline } from "./use-live-timeline";

export interface ConversationViewProps {
  slug: string;
  conversationId: string;
  currentUser: { id: string; name: string };
  initialMessages: ViewMessage[];
  initialNextBefore: string | null;
  initialNotes: ViewNote[];
  windowExpiresAt: Date | null;
}

/** How many older pages a click on a quote may load to find the quoted message. */
const MAX_JUMP_PAGES = 5;

export function ConversationView(props: ConversationViewProps) {
  const { slug, conversationId } = props;
  const tAll = useTranslations();
  const timeZone = useTimeZone() ?? "UTC";
  const live = useLiveTimeline({
    slug,
    conversationId,
    initialMessages: props.initialMessages,
    initialNextBefore: props.initialNextBefore,
    initialNotes: props.initialNotes,
    initialWindowExpiresAt: props.windowExpiresAt,
  });
  const { messages, setMessages, notes, setNotes, refreshMessage, loadOlder, hasOlder } = live;
  const { send, retry } = useSend({ slug, conversationId, author: props.currentUser, setMessages });
  const [replyTo, setReplyTo] = useState<ViewMessage | null>(null);
  const [templatesOpen, setTemplatesOpen] = useState(false);
  const [highlighted, setHighlighted] = useState<string | null>(null);
  const [ownSends, setOwnSends] = useState(0);

  // "Today" from the shared clock: the server's day while hydrating, and it moves at midnight.
  const today = useClock((now) => dayKey(now, timeZone));
  const items = useMemo(() => buildTimeline(messages, notes, { today, timeZone }), [messages, notes, today, timeZone]);

  const sendDraft: typeof send = useCallback(
    async (draft) => {
      setOwnSends((n) => n + 1);
      return send(draft);
    },
    [send],
  );

  const jumpTo = useCallback(
    async (messageId: string) => {
      const find = () => document.querySelector<HTMLElement>(`[data-message-id="${CSS.escape(messageId)}"]`);
      for (let page = 0; !find() && page < MAX_JUMP_PAGES && hasOlder; page++) await loadOlder();
      const el = find();
      if (!el) return;
      el.scrollIntoView({ block: "center", behavior: "smooth" });
      setHighlighted(messageId);
      setTimeout(() => setHighlighted((current) => (current === messageId ? null : current)), 2000);
    },
    [hasOlder, loadOlder],
  );

  const handlers: BubbleHandlers = useMemo(
    () => ({
      onReply: (message) => setReplyTo(message),
      onReact: (message, emoji) => {
        // Shown at once; the server's answer (the reacted message, re-read) settles it.
        setMessages((current) =>
          current.map((m) => (m.id === message.id ? { ...m, reactions: [...m.reactions.filter((r) => r.direction !== "outbound"), { emoji, direction: "outbound" as const }] } : m)),
        );
        void send({ content: { type: "reaction", messageId: message.id, emoji }, display: { type: "reaction", content: {}, previewText: emoji } }).then((failure) => {
          if (failure) void refreshMessage(message.id);
        });
      },
      onRetry: async (message) => {
        await retry(message);
      },
      onRetryDownload: async (message, mediaId) => {
        await retryMediaDownloadAction({ slug, mediaId }).catch(() => undefined);
        await refreshMessage(message.id);
      },
      onJumpTo: (messageId) => void jumpTo(messageId),
    }),
    [send, retry, slug, refreshMessage, setMessages, jumpTo],
  );

  const addNote = useCallback(
    async (body: string) => {
      const result = await addNoteAction({ slug, conversationId, body }).catch(() => undefined);
      const error = actionErrorText(tAll, result);
      if (result?.data && !error) {
        const note = toViewNote(result.data);
        setNotes((current) => (current.some((n) => n.id === note.id) ? current : [...current, note]));
        setOwnSends((n) => n + 1);
      }
      return error;
    },
    [slug, conversationId, tAll, setNotes],
  );

  const sendTemplate = useCallback(
    (choice: TemplateChoice) =>
      sendDraft({
        content: { type: "template", templateId: choice.templateId, variables: choice.variables },
        display: { type: "template", content: { name: choice.name }, previewText: choice.preview },
      }),
    [sendDraft],
  );

  return (
    <div className="flex h-full min-h-0 flex-col">
      <Timeline items={items} hasOlder={hasOlder} loadingOlder={live.loadingOlder} onLoadOlder={loadOlder} handlers={handlers} highlightedId={highlighted} ownSendCount={ownSends} />
      <Composer
        slug={slug}
        conversationId={conversationId}
        windowExpiresAt={live.windowExpiresAt}
        replyTo={replyTo}
        onCancelReply={() => setReplyTo(null)}
        onSend={sendDraft}
        onAddNote={addNote}
        onOpenTemplates={() => setTemplatesOpen(true)}
      />
      <TemplatePicker slug={slug} conversationId={conversationId} open={templatesOpen} onClose={() => setTemplatesOpen(false)} onSend={sendTemplate} />
    </div>
  );
}
