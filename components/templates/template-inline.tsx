/**
 * A sent template inside the timeline's own bubble: its label, then the parts as sent (header,
 * body, footer, buttons, cards) in the app's colours.
 */
import { TimelineIcon } from "@/components/inbox/timeline/icons";
import type { RenderedTemplate } from "@/lib/templates/rendered";
import { PALETTES } from "./bubble-palette";
import { TemplateBodyView, TemplateButtonsView, TemplateCardsView, TemplateFooterView, TemplateHeaderView } from "./template-parts";

export function TemplateInline({ rendered, label }: { rendered: RenderedTemplate; label: string }) {
  const palette = PALETTES.inline;
  return (
    <div className="space-y-1 text-sm">
      <p className="flex items-center gap-1 text-xs text-zinc-500 dark:text-zinc-400">
        <TimelineIcon name="template" className="size-3.5" />
        {label}
      </p>
      {rendered.header && <TemplateHeaderView header={rendered.header} palette={palette} />}
      <TemplateBodyView body={rendered.body} />
      <TemplateFooterView footer={rendered.footer} palette={palette} />
      <TemplateButtonsView buttons={rendered.buttons} palette={palette} layout="inline" />
      <TemplateCardsView cards={rendered.cards} palette={palette} />
    </div>
  );
}
