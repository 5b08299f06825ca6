/**
 * The parts of a rendered template (lib/templates/rendered.ts), each drawn in a palette: the media
 * or text header, the body with WhatsApp's formatting, the footer, the buttons (list items, not
 * real buttons: a preview does nothing when tapped) and the carousel's cards. `<TemplateBubble>`
 * puts them in a WhatsApp bubble; the timeline puts them inside its own bubble.
 */
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { WhatsAppText } from "@/components/inbox/timeline/whatsapp-text";
import type { RenderedButton, RenderedButtonType, RenderedCard, RenderedHeader } from "@/lib/templates/rendered";
import type { BubblePalette } from "./bubble-palette";
import { TemplateIcon, type TemplateIconName } from "./template-icons";

const BUTTON_ICONS: Record<RenderedButtonType, TemplateIconName> = {
  quick_reply: "reply",
  url: "external",
  phone_number: "phone",
  copy_code: "copy",
  otp: "copy",
  other: "list",
};

function MediaPlaceholder({ kind, label, palette, detail }: { kind: TemplateIconName; label: string; palette: BubblePalette; detail?: string | null }) {
  return (
    <div role="img" aria-label={detail ? `${label}: ${detail}` : label} className={cn("flex aspect-[1.91/1] w-full flex-col items-center justify-center gap-1 rounded-md text-xs", palette.placeholder)}>
      <TemplateIcon name={kind} className="size-8" />
      <span>{label}</span>
      {detail && <span className="max-w-full truncate px-2">{detail}</span>}
    </div>
  );
}

/** A picture or video from a URL, else a neutral placeholder naming the kind. */
function Media({ kind, url, alt, palette }: { kind: "image" | "video"; url: string | null; alt: string; palette: BubblePalette }) {
  const t = useTranslations("templateBubble");
  if (!url) return <MediaPlaceholder kind={kind} label={t(`media.${kind}`)} palette={palette} />;
  if (kind === "video") return <video src={url} controls preload="metadata" aria-label={alt} className="aspect-[1.91/1] w-full rounded-md bg-black object-cover" />;
  // eslint-disable-next-line @next/next/no-img-element -- our own authenticated media route or the link the agent gave; next/image cannot forward the session
  return <img src={url} alt={alt} loading="lazy" className="aspect-[1.91/1] w-full rounded-md object-cover" />;
}

export function TemplateHeaderView({ header, palette }: { header: RenderedHeader; palette: BubblePalette }) {
  const t = useTranslations("templateBubble");
  switch (header.kind) {
    case "text":
      return <p className="font-semibold break-words">{header.text}</p>;
    case "image":
      return <Media kind="image" url={header.url} alt={t("imageAlt")} palette={palette} />;
    case "video":
      return <Media kind="video" url={header.url} alt={t("videoLabel")} palette={palette} />;
    case "document": {
      const name = header.fileName || t("media.document");
      const inner = (
        <>
          <TemplateIcon name="document" className="size-7 shrink-0" />
          <span className="min-w-0 truncate text-sm">{name}</span>
        </>
      );
      const className = cn("flex items-center gap-2 rounded-md px-2 py-3", palette.placeholder);
      return header.url ? (
        <a href={header.url} target="_blank" rel="noopener noreferrer" className={className} aria-label={t("openDocument", { name })}>
          {inner}
        </a>
      ) : (
        <div className={className}>{inner}</div>
      );
    }
    case "location":
      return <MediaPlaceholder kind="location" label={header.name || t("media.location")} detail={header.address} palette={palette} />;
  }
}

export function TemplateBodyView({ body }: { body: string }) {
  return body ? <WhatsAppText text={body} /> : null;
}

export function TemplateFooterView({ footer, palette }: { footer: string | null; palette: BubblePalette }) {
  return footer ? <p className={cn("text-xs break-words", palette.muted)}>{footer}</p> : null;
}

function ButtonLabel({ button }: { button: RenderedButton }) {
  const t = useTranslations("templateBubble");
  const kind = t(`buttonKind.${button.type}`);
  return (
    <>
      <TemplateIcon name={BUTTON_ICONS[button.type]} className="size-4 shrink-0" />
      <span className="min-w-0 truncate">{button.text}</span>
      {/* What the button would do, for screen readers (the icon says it to the eye). */}
      <span className="sr-only">{button.value ? t("buttonWithValue", { kind, value: button.value }) : kind}</span>
    </>
  );
}

/**
 * Buttons as WhatsApp shows them: "separate" rows under the bubble (each its own rounded row), or
 * "inline" rows divided by lines inside a bubble or a card.
 */
export function TemplateButtonsView({ buttons, palette, layout }: { buttons: RenderedButton[]; palette: BubblePalette; layout: "separate" | "inline" }) {
  const t = useTranslations("templateBubble");
  if (buttons.length === 0) return null;
  if (layout === "separate") {
    return (
      <ul aria-label={t("buttons")} className="mt-0.5 space-y-0.5">
        {buttons.map((button, i) => (
          <li key={i} className={cn("flex items-center justify-center gap-1.5 rounded-lg px-3 py-2 text-sm font-medium shadow-sm", palette.surface, palette.action)}>
            <ButtonLabel button={button} />
          </li>
        ))}
      </ul>
    );
  }
  return (
    <ul aria-label={t("buttons")} className="mt-1">
      {buttons.map((button, i) => (
        <li key={i} className={cn("flex items-center justify-center gap-1.5 border-t py-1.5 text-sm font-medium", palette.divider, palette.action)}>
          <ButtonLabel button={button} />
        </li>
      ))}
    </ul>
  );
}

/** Carousel cards: a horizontal scroller (focusable, so the keyboard can scroll it) of cards. */
export function TemplateCardsView({ cards, palette }: { cards: RenderedCard[]; palette: BubblePalette }) {
  const t = useTranslations("templateBubble");
  if (cards.length === 0) return null;
  return (
    <div role="region" aria-label={t("cards")} tabIndex={0} className="mt-1 overflow-x-auto pb-1 outline-none focus-visible:ring-2 focus-visible:ring-sky-400">
      <ul className="flex snap-x gap-1.5">
        {cards.map((card, i) => (
          <li key={i} aria-label={t("card", { number: i + 1, count: cards.length })} className={cn("w-56 shrink-0 snap-start overflow-hidden rounded-lg p-1 text-sm shadow-sm", palette.surface, palette.text)}>
            {card.header && <Media kind={card.header.kind} url={card.header.url} alt={card.header.kind === "image" ? t("cardImageAlt", { number: i + 1 }) : t("cardVideoLabel", { number: i + 1 })} palette={palette} />}
            {card.body && <WhatsAppText text={card.body} className="px-1 pt-1" />}
            <TemplateButtonsView buttons={card.buttons} palette={palette} layout="inline" />
          </li>
        ))}
      </ul>
    </div>
  );
}
