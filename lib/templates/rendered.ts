/**
 * A template as WhatsApp shows it, with its variables filled: what `renderTemplate` (render.ts)
 * makes of Meta's component array and what `<TemplateBubble>` draws. The builder's preview, the
 * inbox's picker, the timeline (a sent template keeps its rendered parts in Message.content.rendered)
 * and campaigns' per-recipient preview all go through this one shape.
 */
export type RenderedHeader =
  | { kind: "text"; text: string }
  | { kind: "image" | "video" | "document"; url: string | null; fileName?: string | null }
  | { kind: "location"; name?: string | null; address?: string | null };

export type RenderedButtonType = "quick_reply" | "url" | "phone_number" | "copy_code" | "otp" | "other";

export interface RenderedButton {
  type: RenderedButtonType;
  text: string;
  /** The URL (filled) of a URL button, the number of a phone button, the code of a copy-code button. */
  value?: string | null;
}

export interface RenderedCard {
  header: { kind: "image" | "video"; url: string | null } | null;
  body: string;
  buttons: RenderedButton[];
}

export interface RenderedTemplate {
  header: RenderedHeader | null;
  body: string;
  footer: string | null;
  buttons: RenderedButton[];
  /** Carousel cards, in order (empty for other templates). */
  cards: RenderedCard[];
}
