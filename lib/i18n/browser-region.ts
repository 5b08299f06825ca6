/**
 * What a browser tells of where it is — its time zone and the regions of its languages — turned
 * into a default country and time zone among the ones offered. Runs in the browser, after the
 * server's render (components/workspace/workspace-fields.tsx).
 */
import { getCountryForTimezone, getTimezone } from "countries-and-timezones";

export interface BrowserRegion {
  /** `Intl.DateTimeFormat().resolvedOptions().timeZone` */
  timeZone: string;
  /** `navigator.languages`, most preferred first */
  languages: readonly string[];
}

export interface RegionSuggestion {
  country?: string;
  timezone?: string;
}

/** One name of a zone and its others are one zone: Asia/Calcutta is Asia/Kolkata, Europe/Kiev Europe/Kyiv. */
function canonicalZone(name: string): string {
  return getTimezone(name)?.aliasOf ?? name;
}

/** `timeZone` as it is spelt among `offered`, when one of them is that zone under any of its names. */
export function matchTimezone(timeZone: string, offered: readonly string[]): string | undefined {
  if (offered.includes(timeZone)) return timeZone;
  const zone = canonicalZone(timeZone);
  return offered.find((name) => canonicalZone(name) === zone);
}

/** The country a time zone is first of (tzdata's zone.tab): Europe/Berlin → DE, Asia/Makassar → ID; none for UTC. */
export function countryForTimezone(timeZone: string): string | undefined {
  return getCountryForTimezone(timeZone)?.id;
}

function regionOf(languageTag: string): string | undefined {
  try {
    return new Intl.Locale(languageTag).region;
  } catch {
    return undefined;
  }
}

/**
 * The time zone if it is offered; the country of that zone, else the region of the first language
 * that names one ("en-GB" → GB): a zone says where the machine is, a language only what its user reads.
 */
export function suggestRegion(browser: BrowserRegion, offered: { countries: readonly string[]; timezones: readonly string[] }): RegionSuggestion {
  const candidates = [countryForTimezone(browser.timeZone), ...browser.languages.map(regionOf)];
  return {
    timezone: matchTimezone(browser.timeZone, offered.timezones),
    country: candidates.find((code): code is string => code !== undefined && offered.countries.includes(code)),
  };
}
