"use client";

/**
 * The conversation's messages and notes, kept live: older pages on demand, a bubble taken from
 * each real-time signal for this conversation (re-read when the signal could not carry it), the newest page refetched after a lost connection,
 * and the conversation marked read when opened and when a customer's message arrives while the
 * agent is looking at it.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { useRealtimeCatchUp, useRealtimeEvent } from "@/components/realtime/realtime-provider";
import { loadMessage, loadOlderMessages } from "@/app/actions/inbox/reads";
import { loadNotesAction, markReadAction } from "@/app/actions/inbox/messages";
import { messageFromWire, type WireMessage } from "@/lib/realtime/wire";
import { mergeMessages } from "./merge-messages";
import { toViewMessage, toViewNote } from "./to-view";
import type { ViewMessage, ViewNote } from "./types";

const WINDOW_MS = 24 * 60 * 60 * 1000;

export function useLiveTimeline(input: {
  slug: string;
  conversationId: string;
  initialMessages: ViewMessage[];
  initialNextBefore: string | null;
  initialNotes: ViewNote[];
  initialWindowExpiresAt: Date | null;
}) {
  const { slug, conversationId } = input;
  const [messages, setMessages] = useState(input.initialMessages);
  const [notes, setNotes] = useState(input.initialNotes);
  const [nextBefore, setNextBefore] = useState(input.initialNextBefore);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [windowExpiresAt, setWindowExpiresAt] = useState(input.initialWindowExpiresAt);
  const loading = useRef(false);

  const markRead = useCallback(() => {
    void markReadAction({ slug, conversationId }).catch(() => undefined);
  }, [slug, conversationId]);

  useEffect(() => {
    markRead();
  }, [markRead]);

  const loadOlder = useCallback(async () => {
    if (!nextBefore || loading.current) return;
    loading.current = true;
    setLoadingOlder(true);
    try {
      const result = await loadOlderMessages({ slug, conversationId, before: nextBefore });
      if (result?.data) {
        const page = result.data;
        setMessages((current) => mergeMessages(current, page.items.map(toViewMessage)));
        setNextBefore(page.nextBefore);
      }
    } finally {
      loading.current = false;
      setLoadingOlder(false);
    }
  }, [slug, conversationId, nextBefore]);

  const refreshMessage = useCallback(
    async (messageId: string) => {
      const result = await loadMessage({ slug, messageId });
      if (result?.data) {
        const message = toViewMessage(result.data);
        if (message.direction === "inbound") setWindowExpiresAt((current) => later(current, new Date(message.timestamp.getTime() + WINDOW_MS)));
        setMessages((current) => mergeMessages(current, [message]));
        return message;
      }
      return null;
    },
    [slug],
  );

  const refreshNotes = useCallback(async () => {
    const result = await loadNotesAction({ slug, conversationId });
    if (result?.data) setNotes(result.data.map(toViewNote));
  }, [slug, conversationId]);

  const catchUp = useCallback(async () => {
    const result = await loadOlderMessages({ slug, conversationId });
    if (result?.data) {
      const items = result.data.items.map(toViewMessage);
      setMessages((current) => mergeMessages(current, items));
      const newestInbound = items.find((m) => m.direction === "inbound");
      if (newestInbound) setWindowExpiresAt((current) => later(current, new Date(newestInbound.timestamp.getTime() + WINDOW_MS)));
    }
    await refreshNotes();
  }, [slug, conversationId, refreshNotes]);

  /** The bubble the signal carries, or (too large to carry, or a reaction) the one read afresh. */
  const receive = useCallback(
    async (messageId: string, carried: WireMessage | undefined) => {
      if (!carried) return refreshMessage(messageId);
      const message = toViewMessage(messageFromWire(carried));
      if (message.direction === "inbound") setWindowExpiresAt((current) => later(current, new Date(message.timestamp.getTime() + WINDOW_MS)));
      setMessages((current) => mergeMessages(current, [message]));
      return message;
    },
    [refreshMessage],
  );

  useRealtimeEvent("message.created", (event) => {
    if (event.conversationId !== conversationId) return;
    void receive(event.messageId, event.message).then((message) => {
      // A reaction is folded onto its target (not a bubble): refresh what is on screen instead.
      if (!message && event.direction === "inbound") void catchUp();
      if (event.direction === "inbound" && document.visibilityState === "visible") markRead();
    });
  });

  useRealtimeEvent("message.status", (event) => {
    if (event.conversationId === conversationId) void receive(event.messageId, event.message);
  });

  useRealtimeEvent("conversation.updated", (event) => {
    if (event.conversationId === conversationId && event.changes.includes("note")) void refreshNotes();
  });

  useRealtimeCatchUp(() => void catchUp());

  // Coming back to the tab counts as reading what arrived meanwhile.
  useEffect(() => {
    const onVisible = () => document.visibilityState === "visible" && markRead();
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [markRead]);

  return { messages, setMessages, notes, setNotes, hasOlder: nextBefore !== null, loadingOlder, loadOlder, refreshMessage, windowExpiresAt };
}

function later(a: Date | null, b: Date): Date {
  return a && a.getTime() > b.getTime() ? a : b;
}
