"use client";

import { useEffect, useId, useState } from "react";
import { useTranslations } from "next-intl";
import { previewCampaignMessageAction } from "@/app/actions/campaigns/preview";
import { searchAudienceContactsAction } from "@/app/actions/campaigns/search-contacts";
import type { Audience } from "@/lib/campaigns/audience";
import type { VariableMapping } from "@/lib/campaigns/mapping";
import type { RenderedTemplate } from "@/lib/templates/rendered";
import { renderTemplate } from "@/lib/templates/render";
import { actionErrorText } from "@/components/inbox/timeline/action-error";
import { TemplateBubble } from "@/components/templates/template-bubble";
import { outcome } from "../action-outcome";
import { previewValues } from "./mapping-form";

const DEBOUNCE_MS = 300;

interface FoundContact {
  id: string;
  name: string | null;
  phone: string | null;
}

/**
 * The message as one recipient will get it: pick a contact of the audience ("Preview as") and the
 * server fills the variables from them; with nobody picked, the fixed values and fallbacks show.
 */
export function MessagePreview({ slug, templateId, components, mapping, audience }: { slug: string; templateId: string; components: unknown[]; mapping: VariableMapping; audience: Audience }) {
  const t = useTranslations("campaigns.preview");
  const tAll = useTranslations();
  const searchId = useId();
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<{ query: string; contacts: FoundContact[] } | null>(null);
  const [contact, setContact] = useState<FoundContact | null>(null);
  const [served, setServed] = useState<{ key: string; rendered: RenderedTemplate | null; error: string | null } | null>(null);

  const trimmed = query.trim();
  useEffect(() => {
    if (!trimmed) return;
    let current = true;
    const timer = setTimeout(async () => {
      const result = await outcome<FoundContact[]>(searchAudienceContactsAction({ slug, audience, query: trimmed }));
      if (current) setFound({ query: trimmed, contacts: result?.data ?? [] });
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [slug, audience, trimmed]);

  const key = JSON.stringify([templateId, mapping, contact?.id ?? null]);
  useEffect(() => {
    if (!contact) return;
    let current = true;
    const timer = setTimeout(async () => {
      const result = await outcome<{ rendered: RenderedTemplate }>(previewCampaignMessageAction({ slug, templateId, variableMapping: mapping, contactId: contact.id }));
      if (current) setServed({ key, rendered: result?.data?.rendered ?? null, error: result?.data ? null : (actionErrorText(tAll, result) ?? tAll("errors.unknown")) });
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [slug, templateId, mapping, contact, key]); // eslint-disable-line react-hooks/exhaustive-deps -- tAll is stable

  const local = renderTemplate(components, previewValues(mapping), { useExamples: true });
  const fresh = contact && served?.key === key ? served : null;
  const rendered = fresh?.rendered ?? local;
  const matches = trimmed && found?.query === trimmed ? found.contacts : [];

  return (
    <div className="space-y-3" data-testid="campaign-preview">
      <h2 className="text-sm font-semibold">{t("title")}</h2>
      <div className="space-y-1">
        <label htmlFor={searchId} className="block text-sm font-medium">
          {t("previewAs")}
        </label>
        <input
          id={searchId}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder={t("searchPlaceholder")}
          aria-describedby={`${searchId}-hint`}
          className="block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        />
        <p id={`${searchId}-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
          {contact ? t("showingFor", { name: contact.name ?? contact.phone ?? contact.id }) : t("showingFallbacks")}
        </p>
        {matches.length > 0 && (
          <ul className="max-h-40 divide-y divide-zinc-100 overflow-y-auto rounded-md border border-zinc-200 text-sm dark:divide-zinc-800 dark:border-zinc-800">
            {matches.map((match) => (
              <li key={match.id}>
                <button
                  type="button"
                  className="w-full px-3 py-1.5 text-left hover:bg-zinc-50 dark:hover:bg-zinc-800"
                  onClick={() => {
                    setContact(match);
                    setQuery("");
                  }}
                >
                  {match.name ?? t("unnamed")} <span className="text-zinc-500">{match.phone}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {trimmed && found?.query === trimmed && matches.length === 0 && <p className="text-xs text-zinc-500">{t("noMatch")}</p>}
        {contact && (
          <button type="button" className="text-xs text-brand-700 hover:underline dark:text-brand-300" onClick={() => setContact(null)}>
            {t("clear")}
          </button>
        )}
      </div>
      {fresh?.error && <p role="alert" className="text-sm text-red-600 dark:text-red-400">{fresh.error}</p>}
      <TemplateBubble rendered={rendered} />
    </div>
  );
}
