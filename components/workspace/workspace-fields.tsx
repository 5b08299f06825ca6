"use client";

import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { SelectField, TextField } from "@/components/ui/field";
import { countryOptions, timezoneOptions } from "@/lib/i18n/regions";

interface Props {
  defaults?: { name?: string; defaultCountry?: string; timezone?: string };
  fieldError: (name: string) => string | undefined;
  disabled?: boolean;
}

/** Name, default phone country and time zone: shared by onboarding and workspace settings. */
export function WorkspaceFields({ defaults, fieldError, disabled }: Props) {
  const t = useTranslations("workspace");
  const locale = useLocale();
  const countries = useMemo(() => countryOptions(locale), [locale]);
  const timezones = useMemo(() => timezoneOptions(), []);
  const browserTz = typeof Intl !== "undefined" ? Intl.DateTimeFormat().resolvedOptions().timeZone : undefined;
  return (
    <>
      <TextField
        label={t("name")}
        name="name"
        required
        defaultValue={defaults?.name}
        disabled={disabled}
        error={fieldError("name")}
        maxLength={60}
      />
      <SelectField
        label={t("defaultCountry")}
        name="defaultCountry"
        defaultValue={defaults?.defaultCountry ?? "ID"}
        disabled={disabled}
        hint={t("defaultCountryHint")}
        error={fieldError("defaultCountry")}
      >
        {countries.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("timezone")}
        name="timezone"
        defaultValue={defaults?.timezone ?? (browserTz && timezones.includes(browserTz) ? browserTz : "Asia/Jakarta")}
        disabled={disabled}
        error={fieldError("timezone")}
      >
        {timezones.map((tz) => (
          <option key={tz} value={tz}>
            {tz.replaceAll("_", " ")}
          </option>
        ))}
      </SelectField>
    </>
  );
}
