"use server";

import { cookies, headers } from "next/headers";
import { AuthError } from "next-auth";
import { z } from "zod";
import { publicAction, userAction } from "@/lib/actions/client";
import { auth, signIn, signOut, SignInFailed } from "@/lib/auth";
import { endAllSessions, endSession } from "@/lib/auth/sessions";
import { terminateUserConnections } from "@/lib/realtime/publish";
import { AppError } from "@/lib/errors";
import { signUp } from "@/lib/services/auth/sign-up";
import { requestPasswordReset, resetPassword } from "@/lib/services/auth/password-reset";
import { requestResetSchema, resetPasswordSchema, signInSchema, signUpSchema } from "@/lib/validation/auth";
import { safeCallbackPath } from "@/lib/http/app-url";
import { resolveRequestLocale } from "@/lib/i18n/request";
import { LOCALE_COOKIE, isLocale } from "@/lib/i18n/config";
import { saveLocaleForEmail, savedLocaleForEmail } from "@/lib/services/users/locale";
import { clientIp } from "@/lib/auth/client-ip";
import { consumeLimit, type LimitName } from "@/lib/rate-limit";

/** Per-IP limits are the edge's: the IP comes from the request (through the trusted-proxy rule). */
async function consumeForClientIp(limit: LimitName): Promise<void> {
  const ip = clientIp(await headers());
  if (ip) await consumeLimit(limit, ip);
}

async function signInWithPassword(email: string, password: string): Promise<void> {
  try {
    await signIn("credentials", { email, password, redirect: false });
  } catch (error) {
    if (error instanceof SignInFailed || (error instanceof AuthError && error.type === "CredentialsSignin")) {
      const code = (error as SignInFailed).code ?? "invalid_credentials";
      if (code.startsWith("rate_limited:")) {
        throw new AppError("rate_limited", "tooManySignInAttempts", { params: { minutes: Number(code.split(":")[1]) || 15 } });
      }
      throw new AppError("unauthorized", code === "invalid_input" ? "invalidInput" : "invalidCredentials");
    }
    throw error;
  }
  // A language chosen in this browser (the sign-in page's switch) is the latest choice: save it.
  // Otherwise the user's saved language follows them to this browser.
  const cookieStore = await cookies();
  const chosen = cookieStore.get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) {
    await saveLocaleForEmail(email, chosen);
  } else {
    const saved = await savedLocaleForEmail(email);
    if (isLocale(saved)) cookieStore.set(LOCALE_COOKIE, saved, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
  }
}

export const signInAction = publicAction.inputSchema(signInSchema).action(async ({ parsedInput }) => {
  await signInWithPassword(parsedInput.email, parsedInput.password);
  return { redirectTo: safeCallbackPath(parsedInput.callbackUrl) };
});

export const signUpAction = publicAction
  .inputSchema(signUpSchema.extend({ callbackUrl: z.string().max(2000).optional() }))
  .action(async ({ parsedInput: { callbackUrl, ...input } }) => {
    await consumeForClientIp("sign-up:ip");
    await signUp({ ...input, locale: await resolveRequestLocale() });
    await signInWithPassword(input.email, input.password);
    return { redirectTo: safeCallbackPath(callbackUrl, "/onboarding") };
  });

/** Ends this browser's session on the server too: a copy of the cookie stops working at once. */
export const signOutAction = publicAction.action(async () => {
  const sid = (await auth())?.sid;
  if (sid) await endSession(sid);
  await signOut({ redirect: false });
  return { redirectTo: "/login" };
});

/** Ends every session of the user (other browsers, phones, a forgotten laptop) and their live connections. */
export const signOutEverywhereAction = userAction.action(async ({ ctx }) => {
  await endAllSessions(ctx.user.id);
  await terminateUserConnections(ctx.user.id);
  await signOut({ redirect: false });
  return { redirectTo: "/login" };
});

export const requestPasswordResetAction = publicAction.inputSchema(requestResetSchema).action(async ({ parsedInput }) => {
  await consumeForClientIp("password-reset:ip");
  await requestPasswordReset({ email: parsedInput.email, locale: await resolveRequestLocale() });
  return { sent: true };
});

export const resetPasswordAction = publicAction.inputSchema(resetPasswordSchema).action(async ({ parsedInput }) => {
  const { email } = await resetPassword(parsedInput);
  await signInWithPassword(email, parsedInput.password);
  return { redirectTo: "/" };
});
