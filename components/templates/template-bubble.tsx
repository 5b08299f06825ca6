/**
 * A rendered template drawn as WhatsApp draws a business message: the bubble (media or bold text
 * header, body with WhatsApp's formatting, small grey footer, an optional time in the corner), the
 * buttons in their own rows under it, and a carousel's cards in a horizontal scroller below. On
 * WhatsApp's wallpaper, in its light or dark theme, or following the app's (`auto`).
 */
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import type { RenderedTemplate } from "@/lib/templates/rendered";
import { PALETTES, type BubbleTheme } from "./bubble-palette";
import { TemplateBodyView, TemplateButtonsView, TemplateCardsView, TemplateFooterView, TemplateHeaderView } from "./template-parts";

export function TemplateBubble({ rendered, theme = "auto", time, className }: { rendered: RenderedTemplate; theme?: BubbleTheme; time?: string; className?: string }) {
  const t = useTranslations("templateBubble");
  const palette = PALETTES[theme];
  const media = rendered.header !== null && rendered.header.kind !== "text";
  return (
    <div role="group" aria-label={t("label")} className={cn("rounded-lg p-3", palette.backdrop, className)}>
      <div className="max-w-xs">
        <div className={cn("space-y-1 rounded-lg rounded-tl-none pb-1.5 text-sm shadow-sm", media ? "px-1 pt-1" : "px-2.5 pt-2", palette.surface, palette.text)}>
          {rendered.header && <TemplateHeaderView header={rendered.header} palette={palette} />}
          <div className={cn("space-y-1", media && "px-1.5")}>
            <TemplateBodyView body={rendered.body} />
            <TemplateFooterView footer={rendered.footer} palette={palette} />
            {time && <p className={cn("text-right text-[0.6875rem] leading-none", palette.muted)}>{time}</p>}
          </div>
        </div>
        <TemplateButtonsView buttons={rendered.buttons} palette={palette} layout="separate" />
      </div>
      <TemplateCardsView cards={rendered.cards} palette={palette} />
    </div>
  );
}
