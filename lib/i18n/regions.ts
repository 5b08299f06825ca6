/**
 * Choices for workspace settings: countries for phone parsing and IANA time zones. Made on the
 * server and handed to the form as props: a browser's ICU names some countries otherwise than
 * Node's ("Hong Kong" against "Hong Kong SAR China"), and the HTML must be what the browser renders.
 */
import "server-only";
import { getCountries } from "libphonenumber-js";

export interface RegionChoices {
  countries: { code: string; name: string }[];
  /** The names the server's validation accepts (lib/validation/workspace.ts). */
  timezones: string[];
}

const byLocale = new Map<string, RegionChoices>();

export function regionChoices(locale: string): RegionChoices {
  const made = byLocale.get(locale);
  if (made) return made;
  const names = new Intl.DisplayNames([locale], { type: "region" });
  const countries = getCountries()
    .map((code) => ({ code, name: names.of(code) ?? code }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  const choices = { countries, timezones: ["UTC", ...Intl.supportedValuesOf("timeZone")] };
  byLocale.set(locale, choices);
  return choices;
}
