"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useState, type FormEvent } from "react";
import { updateConsentKeywordsAction } from "@/app/actions/contacts/consent";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useFormAction } from "@/components/forms/use-form-action";
import { KEYWORD_MAX, keywordForm } from "@/lib/services/contacts/consent";
import { KEYWORD_SLOT } from "./keyword-slot";

interface Props {
  slug: string;
  canManage: boolean;
  optOutKeywords: string[];
  optInKeywords: string[];
  confirmationLanguage: "id" | "en";
  /** optOutConfirmationText with KEYWORD_SLOT for the first opt-in keyword. */
  confirmationTemplate: string;
}

const lines = (text: string) => text.split("\n");
/** What a save would store, as far as the browser can tell (the server decides): keyword form, once each. */
const asStored = (text: string) => [...new Set(lines(text).map(keywordForm).filter(Boolean))];

/** Settings → Consent: the two keyword lists, how a message is matched, and the confirmation's text. */
export function ConsentKeywordsForm({ slug, canManage, optOutKeywords, optInKeywords, confirmationLanguage, confirmationTemplate }: Props) {
  const t = useTranslations("consentSettings");
  const router = useRouter();
  const [optOut, setOptOut] = useState(optOutKeywords.join("\n"));
  const [optIn, setOptIn] = useState(optInKeywords.join("\n"));
  const [dirty, setDirty] = useState(false);
  const saved = useCallback(
    (data: { optOutKeywords: string[]; optInKeywords: string[] }) => {
      setOptOut(data.optOutKeywords.join("\n"));
      setOptIn(data.optInKeywords.join("\n"));
      setDirty(false);
      router.refresh();
    },
    [router],
  );
  const form = useFormAction(updateConsentKeywordsAction, saved);
  const firstOptIn = asStored(optIn)[0] ?? "START";
  const confirmation = confirmationTemplate.replace(KEYWORD_SLOT, firstOptIn);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    form.run({ slug, optOut: lines(optOut), optIn: lines(optIn) });
  };

  const list = (name: "optOut" | "optIn", value: string, set: (v: string) => void) => {
    const id = `consent-${name}`;
    const error = form.fieldError(name);
    const stored = asStored(value);
    return (
      <div className="space-y-1.5">
        <label htmlFor={id} className="block text-sm font-medium">
          {name === "optOut" ? t("optOutLabel") : t("optInLabel")}
        </label>
        <textarea
          id={id}
          name={name}
          rows={6}
          value={value}
          disabled={!canManage}
          onChange={(e) => {
            set(e.target.value);
            setDirty(true);
          }}
          aria-invalid={Boolean(error) || undefined}
          aria-describedby={`${id}-hint`}
          className="block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 font-mono text-sm shadow-xs aria-[invalid=true]:border-red-500 dark:border-zinc-700 dark:bg-zinc-900"
        />
        {error && (
          <p className="text-sm text-red-600 dark:text-red-400" role="alert">
            {error}
          </p>
        )}
        <p id={`${id}-hint`} className="text-sm text-zinc-500 dark:text-zinc-400">
          {name === "optOut" ? t("optOutHint") : t("optInHint")}
        </p>
        {stored.length > 0 && (
          <p className="flex flex-wrap gap-1" data-testid={`${id}-stored`} aria-label={t("storedAs")}>
            {stored.map((keyword) => (
              <span key={keyword} className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
                {keyword}
              </span>
            ))}
          </p>
        )}
      </div>
    );
  };

  return (
    <div className="space-y-6">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{canManage ? t("description") : t("readOnly")}</p>
      <Card>
        <form noValidate className="space-y-4" onSubmit={submit} data-testid="consent-keywords-form">
          {form.formError && <Alert tone="error">{form.formError}</Alert>}
          {form.data && !dirty && <Alert tone="success">{t("saved")}</Alert>}
          <div className="grid gap-4 sm:grid-cols-2">
            {list("optOut", optOut, setOptOut)}
            {list("optIn", optIn, setOptIn)}
          </div>
          {canManage && (
            <Button type="submit" pending={form.pending}>
              {t("save")}
            </Button>
          )}
        </form>
      </Card>
      <Card>
        <h2 className="mb-2 text-base font-semibold">{t("matchingTitle")}</h2>
        <ul className="list-disc space-y-1 pl-5 text-sm text-zinc-700 dark:text-zinc-300">
          <li>{t("matchingWhole")}</li>
          <li>{t("matchingForm")}</li>
          <li>{t("matchingLength", { max: KEYWORD_MAX })}</li>
          <li>{t("matchingOptIn")}</li>
        </ul>
      </Card>
      <Card>
        <h2 className="mb-2 text-base font-semibold">{t("confirmationTitle")}</h2>
        <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">{t("confirmationHint", { language: confirmationLanguage })}</p>
        <blockquote className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-zinc-900 dark:bg-emerald-950 dark:text-zinc-100" data-testid="consent-confirmation-preview">
          {confirmation}
        </blockquote>
      </Card>
    </div>
  );
}
