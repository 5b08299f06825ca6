"use client";

/**
 * Optimistic sending: the bubble appears at once as pending under a client-made idempotency key
 * (crypto.randomUUID()); the server's answer replaces it. A retry of a send that never got an
 * answer re-uses the same key and input, so the server returns the first send instead of sending
 * twice; a failure Meta reported is retried by retryMessageAction on the stored message.
 */
import { useCallback, useRef, type Dispatch, type SetStateAction } from "react";
import { useTranslations } from "next-intl";
import { retryMessageAction, sendMessageAction } from "@/app/actions/inbox/messages";
import { actionErrorText } from "@/components/inbox/timeline/action-error";
import { failOptimistic, isOptimistic, mergeMessages, optimisticId, settleOptimistic } from "@/components/inbox/timeline/merge-messages";
import { toViewMessage } from "@/components/inbox/timeline/to-view";
import type { ViewMessage } from "@/components/inbox/timeline/types";

type SendInput = Parameters<typeof sendMessageAction>[0];
export type SendContent = SendInput["content"];

export interface Draft {
  content: SendContent;
  /** How the pending bubble looks until the server answers. */
  display: Pick<ViewMessage, "type" | "content" | "previewText">;
  replyTo?: ViewMessage | null;
}

export function useSend(input: { slug: string; conversationId: string; author: { id: string; name: string }; setMessages: Dispatch<SetStateAction<ViewMessage[]>> }) {
  const { slug, conversationId, author, setMessages } = input;
  const t = useTranslations();
  const pendingInputs = useRef(new Map<string, SendInput>());

  const run = useCallback(
    async (key: string, request: SendInput): Promise<string | null> => {
      let outcome: Awaited<ReturnType<typeof sendMessageAction>> | undefined;
      try {
        outcome = await sendMessageAction(request);
      } catch {
        outcome = undefined;
      }
      const error = actionErrorText(t, outcome);
      if (outcome?.data && !error) {
        const message = toViewMessage(outcome.data);
        pendingInputs.current.delete(key);
        setMessages((current) => (request.content.type === "reaction" ? mergeMessages(current, [message]) : settleOptimistic(current, key, message)));
        return null;
      }
      if (request.content.type !== "reaction") setMessages((current) => failOptimistic(current, key, error));
      return error;
    },
    [t, setMessages],
  );

  /** Sends a draft; resolves with the error text when it failed before Meta was asked (null otherwise). */
  const send = useCallback(
    async (draft: Draft): Promise<string | null> => {
      const key = crypto.randomUUID();
      const request: SendInput = {
        slug,
        conversationId,
        idempotencyKey: key,
        ...(draft.replyTo && !isOptimistic(draft.replyTo) ? { replyToMessageId: draft.replyTo.id } : {}),
        content: draft.content,
      };
      pendingInputs.current.set(key, request);
      if (draft.content.type !== "reaction") {
        const optimistic: ViewMessage = {
          id: optimisticId(key),
          clientKey: key,
          direction: "outbound",
          ...draft.display,
          status: "pending",
          timestamp: new Date(),
          errorCode: null,
          errorTitle: null,
          author,
          media: null,
          reactions: [],
          quoted: draft.replyTo ? { id: draft.replyTo.id, preview: draft.replyTo.previewText, direction: draft.replyTo.direction } : null,
        };
        setMessages((current) => mergeMessages(current, [optimistic]));
      }
      return run(key, request);
    },
    [slug, conversationId, author, setMessages, run],
  );

  /** Retry: an unanswered send again under its own key; a stored failed message through retryMessageAction. */
  const retry = useCallback(
    async (message: ViewMessage): Promise<string | null> => {
      if (message.clientKey && isOptimistic(message)) {
        const request = pendingInputs.current.get(message.clientKey);
        if (!request) return null;
        const key = message.clientKey;
        setMessages((current) => current.map((m) => (m.id === message.id ? { ...m, status: "pending", errorTitle: null } : m)));
        return run(key, request);
      }
      let outcome = await retryMessageAction({ slug, messageId: message.id }).catch(() => undefined);
      // Meta may already have the first attempt: send again only if the agent accepts a possible duplicate.
      if (outcome?.serverError?.messageKey === "messageOutcomeUnknown" && window.confirm(t("inboxComposer.confirmDuplicate"))) {
        outcome = await retryMessageAction({ slug, messageId: message.id, confirmDuplicate: true }).catch(() => undefined);
      }
      const error = actionErrorText(t, outcome);
      if (outcome?.data && !error) {
        const fresh = toViewMessage(outcome.data);
        setMessages((current) => mergeMessages(current, [fresh]));
      }
      return error;
    },
    [slug, t, setMessages, run],
  );

  return { send, retry };
}
