"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { publicAction } from "@/lib/actions/client";
import { currentUser } from "@/lib/auth/session";
import { LOCALES, LOCALE_COOKIE } from "@/lib/i18n/config";
import { setUserLocale } from "@/lib/services/users/locale";

/** Switches the language: a cookie for this browser, and the saved preference when signed in. */
export const setLocaleAction = publicAction.inputSchema(z.object({ locale: z.enum(LOCALES) })).action(async ({ parsedInput }) => {
  (await cookies()).set(LOCALE_COOKIE, parsedInput.locale, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
  const user = await currentUser();
  if (user) await setUserLocale(user.id, parsedInput.locale);
});
