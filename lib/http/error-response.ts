/**
 * The one error exit of route handlers (lib/http/route.ts): an AppError becomes its status from
 * ERROR_STATUS and `{ error: { code, message, field? } }` with the message translated into the
 * caller's language; `rate_limited` adds Retry-After. Anything else is a bug: logged, and answered
 * 500 "something went wrong" without internal detail.
 */
import { AppError, ERROR_STATUS, isAppError } from "@/lib/errors";
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale, localeFromAcceptLanguage, type Locale } from "@/lib/i18n/config";
import { createTranslator } from "next-intl";
import { messagesFor } from "@/lib/i18n/messages";
import { logger } from "@/lib/log";
import { retryAfterSeconds } from "@/lib/rate-limit";

const log = logger("route");

export interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

/** The language of a request: the locale cookie, else Accept-Language, else English (as pages). */
export function requestLocale(request: Request): Locale {
  const cookie = request.headers
    .get("cookie")
    ?.split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  if (isLocale(cookie)) return cookie;
  return localeFromAcceptLanguage(request.headers.get("accept-language")) ?? DEFAULT_LOCALE;
}

export function errorResponse(error: unknown, locale: Locale): Response {
  let known: AppError;
  if (isAppError(error)) known = error;
  else {
    log.error({ err: error }, "route handler failed");
    known = new AppError("internal", "unknown");
  }
  const messages = messagesFor(locale);
  const t = createTranslator({ locale, messages, namespace: "errors" });
  const isKnownKey = (key: string): key is keyof typeof messages.errors => Object.hasOwn(messages.errors, key);
  const message = isKnownKey(known.messageKey) ? t(known.messageKey, known.params) : t("unknown");
  const headers = new Headers({ "cache-control": "no-store" });
  const retryAfter = retryAfterSeconds(known);
  if (retryAfter !== null) headers.set("retry-after", String(retryAfter));
  const body: ErrorBody = { error: { code: known.code, message, ...(known.field ? { field: known.field } : {}) } };
  return Response.json(body, { status: ERROR_STATUS[known.code], headers });
}
