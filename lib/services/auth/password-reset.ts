/**
 * Password reset by signed, expiring link. The token carries a fingerprint of the current password
 * hash, so it stops working once used (the hash changes) or when the password changes otherwise.
 */
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { sha256, signToken, verifyToken } from "@/lib/auth/tokens";
import { sendEmail } from "@/lib/email/send";
import { translatorFor } from "@/lib/i18n/messages";
import { appUrl } from "@/lib/http/app-url";
import { consumeLimit } from "@/lib/rate-limit";
import { endAllSessions } from "@/lib/auth/sessions";
import { terminateUserConnections } from "@/lib/realtime/publish";

const PURPOSE = "password-reset";
export const RESET_TTL_SECONDS = 60 * 60;

const fingerprint = (passwordHash: string | null) => sha256(passwordHash ?? "").slice(0, 16);

/** Sends the link when the account exists; says nothing either way (no account enumeration). */
export async function requestPasswordReset(input: { email: string; locale: string }): Promise<void> {
  // Counted for every address, registered or not, so the limit says nothing about who has an account.
  await consumeLimit("password-reset:email", input.email);
  const user = await prisma.user.findUnique({ where: { email: input.email } });
  if (!user) return;
  const token = signToken(PURPOSE, { uid: user.id, pwf: fingerprint(user.passwordHash) }, RESET_TTL_SECONDS);
  // The origin comes from configuration only (lib/http/app-url.ts), never from the request.
  const url = `${appUrl()}/reset-password?token=${encodeURIComponent(token)}`;
  const t = translatorFor(user.locale ?? input.locale);
  await sendEmail({
    to: user.email,
    subject: t("email.passwordReset.subject"),
    text: t("email.passwordReset.body", { name: user.name ?? user.email, url, minutes: RESET_TTL_SECONDS / 60 }),
  });
}

async function userForToken(token: string) {
  const payload = verifyToken(PURPOSE, token);
  if (!payload || typeof payload.uid !== "string") return null;
  const user = await prisma.user.findUnique({ where: { id: payload.uid } });
  if (!user || payload.pwf !== fingerprint(user.passwordHash)) return null;
  return user;
}

export async function isResetTokenValid(token: string): Promise<boolean> {
  return (await userForToken(token)) !== null;
}

export async function resetPassword(input: { token: string; password: string }): Promise<{ email: string }> {
  const user = await userForToken(input.token);
  if (!user) throw new AppError("gone", "resetLinkInvalid");
  const passwordHash = await hashPassword(input.password);
  // Conditional on the hash we verified, so two uses of one link cannot both succeed.
  const { count } = await prisma.user.updateMany({
    where: { id: user.id, passwordHash: user.passwordHash },
    data: { passwordHash, passwordChangedAt: new Date() },
  });
  if (count === 0) throw new AppError("gone", "resetLinkInvalid");
  // Whoever held the old password is signed out everywhere, real-time connections included.
  await endAllSessions(user.id);
  await terminateUserConnections(user.id);
  return { email: user.email };
}
