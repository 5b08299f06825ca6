/**
 * next-intl without locale routing (the app lives behind sign-in): the locale is the cookie set
 * from the user's saved preference or the language switch, else the browser's Accept-Language,
 * else English. Checked against the allowed list before it reaches an import.
 */
import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale, localeFromAcceptLanguage, type Locale } from "./config";
import { messagesFor } from "./messages";

export async function resolveRequestLocale(): Promise<Locale> {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(fromCookie)) return fromCookie;
  return localeFromAcceptLanguage((await headers()).get("accept-language")) ?? DEFAULT_LOCALE;
}

export default getRequestConfig(async () => {
  const locale = await resolveRequestLocale();
  // One instant per request, handed to the browser with the messages: times shown relative to now
  // hydrate with the server's (components/ui/clock.ts) before following the browser's clock.
  return { locale, messages: messagesFor(locale), now: new Date() };
});
