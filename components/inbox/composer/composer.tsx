"use client";

import { useEffect, useId, useRef, useState, type ClipboardEvent, type DragEvent, type KeyboardEvent } from "react";
import { useTranslations } from "next-intl";
import { uploadAttachmentAction } from "@/app/actions/inbox/messages";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { actionErrorText } from "@/components/inbox/timeline/action-error";
import { TimelineIcon } from "@/components/inbox/timeline/icons";
import type { ViewMessage } from "@/components/inbox/timeline/types";
import { AttachmentChip, type AttachmentState } from "./attachment-chip";
import { CannedPopover } from "./canned-popover";
import { cannedQueryAt, insertCanned, type CannedQuery } from "./canned-query";
import { EmojiButton } from "./emoji-button";
import { ReplyStrip } from "./reply-strip";
import type { Draft } from "./use-send";
import { useCannedReplies } from "./use-canned-replies";
import { useWindowState, WindowNotice } from "./window-notice";

const MAX_HEIGHT = 200;

export interface ComposerProps {
  slug: string;
  conversationId: string;
  windowExpiresAt: Date | null;
  replyTo: ViewMessage | null;
  onCancelReply: () => void;
  onSend: (draft: Draft) => Promise<string | null>;
  onAddNote: (body: string) => Promise<string | null>;
  onOpenTemplates: () => void;
}

/**
 * The reply box: text (Enter sends, Shift+Enter breaks the line) with emoji, `/` canned replies,
 * an attachment (button, drop or paste) with its caption, reply-to, and a note mode for the team.
 * Outside the 24-hour window free text is disabled and the template picker is offered instead.
 */
export function Composer({ slug, conversationId, windowExpiresAt, replyTo, onCancelReply, onSend, onAddNote, onOpenTemplates }: ComposerProps) {
  const t = useTranslations("inboxComposer");
  const tAll = useTranslations();
  const listId = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [mode, setMode] = useState<"message" | "note">("message");
  const [text, setText] = useState("");
  const [attachment, setAttachment] = useState<AttachmentState | null>(null);
  const [canned, setCanned] = useState<CannedQuery | null>(null);
  const [activeOption, setActiveOption] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const windowState = useWindowState(windowExpiresAt);
  const cannedOptions = useCannedReplies(slug, mode === "message" && canned ? canned.query : null);

  const closed = mode === "message" && !windowState.open;
  const uploading = attachment?.status === "uploading";
  const canSend = !closed && !uploading && (text.trim().length > 0 || (mode === "message" && attachment?.status === "ready"));

  // Grow with the text, up to a limit, then scroll.
  useEffect(() => {
    const el = textarea.current;
    if (!el) return;
    el.style.height = "auto";
    el.style.height = `${Math.min(el.scrollHeight, MAX_HEIGHT)}px`;
  }, [text]);

  useEffect(() => {
    if (replyTo) textarea.current?.focus();
  }, [replyTo]);

  // Free the preview's object URL when the attachment goes.
  useEffect(() => () => void (attachment?.previewUrl && URL.revokeObjectURL(attachment.previewUrl)), [attachment?.previewUrl]);

  async function attach(file: File) {
    if (closed) return;
    setMode("message");
    const previewUrl = file.type.startsWith("image/") ? URL.createObjectURL(file) : null;
    setAttachment({ file, previewUrl, status: "uploading" });
    const result = await uploadAttachmentAction({ slug, conversationId, file }).catch(() => undefined);
    setAttachment((current) =>
      current?.file !== file
        ? current
        : result?.data
          ? { ...current, status: "ready", mediaUploadId: result.data.mediaUploadId, kind: result.data.kind }
          : { ...current, status: "failed", error: actionErrorText(tAll, result) ?? undefined },
    );
  }

  function updateText(value: string, caret: number) {
    setText(value);
    setCanned(cannedQueryAt(value, caret));
    setActiveOption(0);
  }

  function chooseCanned(body: string) {
    if (!canned) return;
    const next = insertCanned(text, canned, body);
    setText(next.text);
    setCanned(null);
    requestAnimationFrame(() => textarea.current?.setSelectionRange(next.caret, next.caret));
  }

  function insertEmoji(emoji: string) {
    const el = textarea.current;
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    setText(text.slice(0, start) + emoji + text.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + emoji.length, start + emoji.length);
    });
  }

  async function submit() {
    if (!canSend) return;
    setError(null);
    const body = text.trim();
    if (mode === "note") {
      setText("");
      const failure = await onAddNote(body);
      if (failure) {
        setError(failure);
        setText(body);
      }
      return;
    }
    const draft: Draft =
      attachment?.status === "ready" && attachment.mediaUploadId && attachment.kind
        ? {
            content: { type: "media", mediaUploadId: attachment.mediaUploadId, ...(body && attachment.kind !== "audio" && attachment.kind !== "sticker" ? { caption: body } : {}) },
            display: { type: attachment.kind, content: body ? { caption: body } : {}, previewText: body || attachment.file.name },
            replyTo,
          }
        : { content: { type: "text", body }, display: { type: "text", content: { body }, previewText: body }, replyTo };
    // Clear first: a second Enter or click finds nothing to send (the send itself has one key).
    setText("");
    setAttachment(null);
    onCancelReply();
    await onSend(draft);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.nativeEvent.isComposing) return;
    if (canned && cannedOptions.length > 0) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        const step = event.key === "ArrowDown" ? 1 : -1;
        setActiveOption((i) => (i + step + cannedOptions.length) % cannedOptions.length);
        return;
      }
      if (event.key === "Enter" || event.key === "Tab") {
        event.preventDefault();
        const option = cannedOptions[activeOption];
        if (option) chooseCanned(option.body);
        return;
      }
    }
    if (event.key === "Escape") {
      if (canned) setCanned(null);
      else if (replyTo) onCancelReply();
      return;
    }
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      void submit();
    }
  }

  function onPaste(event: ClipboardEvent<HTMLTextAreaElement>) {
    const file = event.clipboardData.files[0];
    if (file) {
      event.preventDefault();
      void attach(file);
    }
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void attach(file);
  }

  const tab = (value: "message" | "note", label: string) => (
    <button
      type="button"
      role="tab"
      aria-selected={mode === value}
      onClick={() => setMode(value)}
      className={cn(
        "rounded-md px-2.5 py-1 text-xs font-medium",
        mode === value
          ? value === "note"
            ? "bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-100"
            : "bg-brand-50 text-brand-700 dark:bg-brand-700/30 dark:text-brand-100"
          : "text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800",
      )}
    >
      {label}
    </button>
  );

  return (
    <div
      className={cn("border-t border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900", dragging && "ring-2 ring-brand-500 ring-inset")}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes("Files") && !closed) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      data-testid="composer"
    >
      {replyTo && mode === "message" && <ReplyStrip message={replyTo} onCancel={onCancelReply} />}
      <div className="flex flex-wrap items-center justify-between gap-2 px-3 pt-2">
        <div role="tablist" aria-label={t("modeLabel")} className="flex gap-1">
          {tab("message", t("modeMessage"))}
          {tab("note", t("modeNote"))}
        </div>
        {mode === "message" && <WindowNotice state={windowState} />}
        {mode === "note" && <p className="text-xs text-amber-700 dark:text-amber-400">{t("noteHint")}</p>}
      </div>
      {closed ? (
        <div className="m-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100" role="status">
          <p className="font-medium">{windowExpiresAt ? t("window.closedTitle") : t("window.neverOpenTitle")}</p>
          <p className="mt-1">{t("window.closedBody")}</p>
          <Button className="mt-2" size="sm" onClick={onOpenTemplates}>
            <TimelineIcon name="template" />
            {t("templates.open")}
          </Button>
        </div>
      ) : (
        <div className="space-y-2 p-3">
          {attachment && mode === "message" && <AttachmentChip attachment={attachment} onRemove={() => setAttachment(null)} />}
          {error && (
            <p role="alert" className="text-sm text-red-600 dark:text-red-400">
              {error}
            </p>
          )}
          <div className="relative flex items-end gap-1">
            {canned && mode === "message" && <CannedPopover id={listId} options={cannedOptions} active={activeOption} onChoose={(o) => chooseCanned(o.body)} />}
            {mode === "message" && (
              <>
                <EmojiButton onPick={insertEmoji} />
                <button
                  type="button"
                  onClick={() => fileInput.current?.click()}
                  className="rounded-md p-2 text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
                  aria-label={t("attachment.add")}
                  title={t("attachment.add")}
                >
                  <TimelineIcon name="paperclip" className="size-5" />
                </button>
                <input
                  ref={fileInput}
                  type="file"
                  className="sr-only"
                  tabIndex={-1}
                  aria-hidden
                  onChange={(e) => {
                    const file = e.target.files?.[0];
                    e.target.value = "";
                    if (file) void attach(file);
                  }}
                />
                <button
                  type="button"
                  onClick={onOpenTemplates}
                  className="rounded-md p-2 text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
                  aria-label={t("templates.open")}
                  title={t("templates.open")}
                >
                  <TimelineIcon name="template" className="size-5" />
                </button>
              </>
            )}
            <textarea
              ref={textarea}
              rows={1}
              value={text}
              onChange={(e) => updateText(e.target.value, e.target.selectionStart)}
              onKeyDown={onKeyDown}
              onPaste={onPaste}
              onBlur={() => setCanned(null)}
              placeholder={mode === "note" ? t("notePlaceholder") : attachment ? t("captionPlaceholder") : t("placeholder")}
              aria-label={mode === "note" ? t("notePlaceholder") : t("placeholder")}
              role="combobox"
              aria-expanded={Boolean(canned && mode === "message")}
              aria-controls={canned ? listId : undefined}
              aria-activedescendant={canned && cannedOptions.length > 0 ? `${listId}-${activeOption}` : undefined}
              aria-autocomplete="list"
              className={cn(
                "min-h-10 flex-1 resize-none rounded-lg border px-3 py-2 text-sm focus:outline-none focus-visible:ring-2",
                mode === "note"
                  ? "border-amber-300 bg-amber-50 focus-visible:ring-amber-400 dark:border-amber-700 dark:bg-amber-950/30"
                  : "border-zinc-300 bg-white focus-visible:ring-brand-500 dark:border-zinc-700 dark:bg-zinc-950",
              )}
            />
            <Button onClick={() => void submit()} disabled={!canSend} aria-label={mode === "note" ? t("addNote") : t("send")} title={mode === "note" ? t("addNote") : t("send")} className="h-10 px-3">
              <TimelineIcon name={mode === "note" ? "note" : "send"} className="size-5" />
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
