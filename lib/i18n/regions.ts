/** Choices for workspace settings: countries for phone parsing and IANA time zones. */
import { getCountries } from "libphonenumber-js";

export function countryOptions(locale: string): { code: string; name: string }[] {
  const names = new Intl.DisplayNames([locale], { type: "region" });
  return getCountries()
    .map((code) => ({ code, name: names.of(code) ?? code }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}

export function timezoneOptions(): string[] {
  return ["UTC", ...Intl.supportedValuesOf("timeZone")];
}
