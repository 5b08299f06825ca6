/**
 * A message's `previewText`: one short line for conversation lists and search, made only of the
 * sender's own words and language-neutral marks (an emoji per kind of message), so any locale can
 * show it as is. Null when there is nothing to show (a removed reaction).
 */
import type { InboundPayloads, InboundType } from "./inbound-message";

export const PREVIEW_MAX_CHARS = 500;

type Typed = { [K in InboundType]: { type: K; data: InboundPayloads[K] } }[InboundType];

/** Collapses whitespace and cuts to `max` characters (code points, so an emoji is never split). */
export function shorten(text: string, max = PREVIEW_MAX_CHARS): string {
  const line = text.replace(/\s+/g, " ").trim();
  if (line.length <= max) return line;
  return `${Array.from(line)
    .slice(0, max - 1)
    .join("")}…`;
}

function withMark(mark: string, text: string | undefined | null): string {
  return text ? `${mark} ${text}` : mark;
}

function raw(typed: Typed): string | null {
  switch (typed.type) {
    case "text":
      return typed.data.body;
    case "image":
      return withMark("📷", typed.data.caption);
    case "video":
      return withMark("🎥", typed.data.caption);
    case "audio":
      return typed.data.voice ? "🎤" : "🎵";
    case "document":
      return withMark("📄", typed.data.filename ?? typed.data.caption);
    case "sticker":
      return "💟";
    case "location":
      return withMark("📍", typed.data.name ?? typed.data.address ?? `${typed.data.latitude}, ${typed.data.longitude}`);
    case "contacts":
      return withMark(
        "👤",
        typed.data
          .map((c) => c.name?.formatted_name)
          .filter(Boolean)
          .join(", "),
      );
    case "interactive": {
      const { button_reply, list_reply, nfm_reply } = typed.data;
      return button_reply?.title ?? list_reply?.title ?? nfm_reply?.body ?? nfm_reply?.name ?? null;
    }
    case "button":
      return typed.data.text ?? typed.data.payload ?? null;
    case "reaction":
      return typed.data.emoji || null;
    case "order": {
      const count = typed.data.product_items?.length ?? 0;
      return withMark(count > 0 ? `🛒 ×${count}` : "🛒", typed.data.text);
    }
    case "system":
      return typed.data.body ?? null;
    case "unsupported":
      return "⚠️";
  }
}

export function previewText(typed: Typed): string | null {
  const text = raw(typed);
  return text ? shorten(text) || null : null;
}
