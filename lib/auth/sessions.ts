/**
 * Server-side sessions behind the JWT (the credentials provider requires JWT sessions). At sign-in a
 * row is created and its random id goes into the encrypted token; `currentUser()` accepts a token only
 * while its row exists and has not expired. Signing out deletes the row, so a copied cookie stops
 * working at once; "sign out everywhere" and a password reset delete all of the user's rows.
 * Only a hash of the id is stored: a database read gives nobody a usable session.
 */
import { randomToken, sha256 } from "./tokens";
import { SESSION_MAX_AGE_SECONDS } from "./config";
import { prisma } from "@/lib/db";

export const sessionKey = (sessionId: string) => sha256(sessionId);

/** A new session for `userId`; returns the id the JWT carries. Clears the user's expired rows on the way. */
export async function createSession(userId: string): Promise<string> {
  const id = randomToken();
  const now = new Date();
  await prisma.$transaction([
    prisma.session.deleteMany({ where: { userId, expires: { lte: now } } }),
    prisma.session.create({ data: { sessionToken: sessionKey(id), userId, expires: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) } }),
  ]);
  return id;
}

export async function endSession(sessionId: string): Promise<void> {
  await prisma.session.deleteMany({ where: { sessionToken: sessionKey(sessionId) } });
}

/** Ends every session of the user (sign out everywhere, a password reset); returns how many. */
export async function endAllSessions(userId: string): Promise<number> {
  const { count } = await prisma.session.deleteMany({ where: { userId } });
  return count;
}
