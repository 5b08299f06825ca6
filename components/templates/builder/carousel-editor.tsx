"use client";

import { useTranslations } from "next-intl";
import type { ParameterFormat, TemplateCard, TemplateSample } from "@/lib/templates/draft";
import { Button } from "@/components/ui/button";
import { ButtonsEditor } from "./buttons-editor";
import { Problems } from "./problems";
import { SampleUpload } from "./sample-upload";
import { VariableText } from "./variable-text";

const CARD_BUTTONS = ["QUICK_REPLY", "URL", "PHONE_NUMBER"] as const;

function freshCard(like?: TemplateCard): TemplateCard {
  // A new card copies the first card's shape (header format, button kinds): Meta wants every card alike.
  return {
    header: { format: like?.header.format ?? "IMAGE", sample: null },
    body: { text: "", examples: {} },
    buttons: (like?.buttons ?? [{ type: "QUICK_REPLY" as const, text: "" }]).map((button) =>
      button.type === "URL" ? { ...button, text: "", url: "https://", example: "" } : button.type === "QUICK_REPLY" ? { ...button, text: "" } : button,
    ),
  };
}

/** Carousel cards (marketing): each a media header, a short body and one or two buttons. */
export function CarouselEditor({
  slug,
  cards,
  parameterFormat,
  onChange,
  onPreview,
}: {
  slug: string;
  cards: TemplateCard[];
  parameterFormat: ParameterFormat;
  onChange: (cards: TemplateCard[]) => void;
  onPreview: (sample: TemplateSample, url: string) => void;
}) {
  const t = useTranslations("templateBuilder");
  const set = (index: number, card: TemplateCard) => onChange(cards.map((c, i) => (i === index ? card : c)));

  return (
    <div className="space-y-3">
      <Problems at="carousel" />
      <Problems at="carousel.cards" />
      <ol className="space-y-4">
        {cards.map((card, index) => {
          const at = `carousel.cards.${index}`;
          return (
            <li key={index} className="space-y-3 rounded-md border border-zinc-200 p-3 dark:border-zinc-800" data-card={index}>
              <div className="flex items-center justify-between">
                <span className="text-sm font-semibold">{t("card", { number: index + 1 })}</span>
                <Button type="button" size="sm" variant="ghost" onClick={() => onChange(cards.filter((_, i) => i !== index))}>
                  {t("remove")}
                </Button>
              </div>
              <Problems at={`${at}.header`} />
              <div role="radiogroup" aria-label={t("cardMedia")} className="flex gap-3 text-sm">
                {(["IMAGE", "VIDEO"] as const).map((format) => (
                  <label key={format} className="inline-flex items-center gap-1.5">
                    <input type="radio" name={`${at}-format`} checked={card.header.format === format} onChange={() => set(index, { ...card, header: { format, sample: null } })} />
                    {t(`headerFormat.${format}`)}
                  </label>
                ))}
              </div>
              <SampleUpload
                slug={slug}
                format={card.header.format}
                path={`${at}.header.sample`}
                sample={card.header.sample}
                onUploaded={(sample, url) => {
                  set(index, { ...card, header: { ...card.header, sample } });
                  onPreview(sample, url);
                }}
              />
              <VariableText
                label={t("cardBody")}
                path={`${at}.body.text`}
                text={card.body.text}
                examples={card.body.examples}
                max={160}
                parameterFormat={parameterFormat}
                onChange={(body) => set(index, { ...card, body })}
              />
              <Problems at={`${at}.body`} />
              <ButtonsEditor path={`${at}.buttons`} buttons={card.buttons} kinds={CARD_BUTTONS} onChange={(buttons) => set(index, { ...card, buttons })} />
            </li>
          );
        })}
      </ol>
      <Button type="button" size="sm" variant="secondary" disabled={cards.length >= 10} onClick={() => onChange([...cards, freshCard(cards[0])])}>
        {t("addCard")}
      </Button>
    </div>
  );
}

export function startCarousel(): { cards: TemplateCard[] } {
  return { cards: [freshCard(), freshCard()] };
}
