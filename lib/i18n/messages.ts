import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import id from "@/messages/id.json";
import { DEFAULT_LOCALE, isLocale, type Locale } from "./config";

export type Messages = typeof en;
const catalogs: Record<Locale, Messages> = { en, id };

export function messagesFor(locale: Locale): Messages {
  return catalogs[locale];
}

/** A translator outside React (emails, server-side errors), for any stored locale value. */
export function translatorFor(locale: string | null | undefined) {
  const safe: Locale = isLocale(locale) ? locale : DEFAULT_LOCALE;
  return createTranslator({ locale: safe, messages: catalogs[safe] });
}
