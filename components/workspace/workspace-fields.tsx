"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState, useSyncExternalStore } from "react";
import { SelectField, TextField } from "@/components/ui/field";
import { suggestRegion, type BrowserRegion } from "@/lib/i18n/browser-region";
import type { RegionChoices } from "@/lib/i18n/regions";

interface Props {
  defaults: { name?: string; defaultCountry: string; timezone: string };
  /** Countries (named on the server, in the page's language) and time zones to choose from. */
  choices: RegionChoices;
  /** Onboarding: once in the browser, propose its time zone and that zone's country instead of the defaults. */
  suggestFromBrowser?: boolean;
  fieldError: (name: string) => string | undefined;
  disabled?: boolean;
}

const unchanging = () => () => {};

/** The browser's time zone and languages; null on the server and while hydrating, so both render the same. */
function useBrowserRegion(): BrowserRegion | null {
  const timeZone = useSyncExternalStore(unchanging, () => Intl.DateTimeFormat().resolvedOptions().timeZone, () => null);
  const languages = useSyncExternalStore(unchanging, () => navigator.languages.join(","), () => null);
  return useMemo(() => (timeZone === null || languages === null ? null : { timeZone, languages: languages.split(",") }), [timeZone, languages]);
}

/** Name, default phone country and time zone: shared by onboarding and workspace settings. */
export function WorkspaceFields({ defaults, choices, suggestFromBrowser = false, fieldError, disabled }: Props) {
  const t = useTranslations("workspace");
  const browser = useBrowserRegion();
  const suggested = useMemo(
    () => (suggestFromBrowser && browser ? suggestRegion(browser, { countries: choices.countries.map((c) => c.code), timezones: choices.timezones }) : {}),
    [suggestFromBrowser, browser, choices],
  );
  // What the user picked wins over the browser's suggestion, which wins over the server's default.
  const [picked, setPicked] = useState<{ country?: string; timezone?: string }>({});
  const country = picked.country ?? suggested.country ?? defaults.defaultCountry;
  const timezone = picked.timezone ?? suggested.timezone ?? defaults.timezone;
  return (
    <>
      <TextField
        label={t("name")}
        name="name"
        required
        defaultValue={defaults.name}
        disabled={disabled}
        error={fieldError("name")}
        maxLength={60}
      />
      <SelectField
        label={t("defaultCountry")}
        name="defaultCountry"
        value={country}
        onChange={(e) => setPicked((p) => ({ ...p, country: e.target.value }))}
        disabled={disabled}
        hint={t("defaultCountryHint")}
        error={fieldError("defaultCountry")}
      >
        {choices.countries.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("timezone")}
        name="timezone"
        value={timezone}
        onChange={(e) => setPicked((p) => ({ ...p, timezone: e.target.value }))}
        disabled={disabled}
        error={fieldError("timezone")}
      >
        {choices.timezones.map((tz) => (
          <option key={tz} value={tz}>
            {tz.replaceAll("_", " ")}
          </option>
        ))}
      </SelectField>
    </>
  );
}
