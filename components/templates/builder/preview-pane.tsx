"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import type { TemplateDraft, TemplateSample } from "@/lib/templates/draft";
import { draftToComponents } from "@/lib/templates/components";
import { renderTemplate } from "@/lib/templates/render";
import { TemplateBubble } from "@/components/templates/template-bubble";

/**
 * The draft as the customer will see it, redrawn on every keystroke: Meta's components from the
 * draft, rendered with the example values, media from the files just uploaded.
 */
export function PreviewPane({ draft, previews }: { draft: TemplateDraft; previews: Record<string, string> }) {
  const t = useTranslations("templateBuilder");
  const [theme, setTheme] = useState<"light" | "dark">("light");
  // The file just picked (a local object URL), else Parley's copy of a saved draft's sample.
  const urlOf = (sample: TemplateSample | null | undefined) =>
    sample ? (previews[sample.handle] ?? (sample.mediaUploadId ? `/api/media/${sample.mediaUploadId}` : null)) : null;
  const header = draft.header.format === "IMAGE" || draft.header.format === "VIDEO" || draft.header.format === "DOCUMENT" ? draft.header.sample : null;
  const rendered = renderTemplate(draftToComponents(draft), {}, {
    useExamples: true,
    media: {
      header: { url: urlOf(header), fileName: header?.fileName ?? null },
      cards: (draft.carousel?.cards ?? []).map((card) => ({ url: urlOf(card.header.sample) })),
    },
  });

  return (
    <div className="space-y-2" data-testid="template-preview">
      <div className="flex items-center justify-between">
        <h2 className="text-sm font-semibold">{t("preview")}</h2>
        <div role="radiogroup" aria-label={t("previewTheme")} className="flex rounded-md border border-zinc-300 text-xs dark:border-zinc-700">
          {(["light", "dark"] as const).map((value) => (
            <label key={value} className="cursor-pointer px-2 py-1 has-checked:bg-zinc-200 dark:has-checked:bg-zinc-700">
              <input type="radio" name="preview-theme" className="sr-only" checked={theme === value} onChange={() => setTheme(value)} />
              {t(`theme.${value}`)}
            </label>
          ))}
        </div>
      </div>
      <TemplateBubble rendered={rendered} theme={theme} />
    </div>
  );
}
