/**
 * Who is signed in, checked against the database: the JWT alone is not trusted for a user that no
 * longer exists, for a session that was signed out or ended everywhere (its row is gone,
 * lib/auth/sessions.ts), or for one issued before the password last changed. One query.
 */
import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { headers } from "next/headers";
import { auth } from "@/lib/auth";
import { prisma } from "@/lib/db";
import { sessionKey } from "./sessions";

export interface CurrentUser {
  id: string;
  email: string;
  name: string | null;
  locale: string | null;
}

export const SESSION_ENDED_PATH = "/api/auth/ended";

/** The signed-in user; `stale` when the browser holds a session cookie the server no longer honours. */
export const resolveSession = cache(async (): Promise<{ user: CurrentUser | null; stale: boolean }> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return { user: null, stale: false };
  const user = session.sid
    ? await prisma.user.findUnique({
        where: { id: userId },
        select: {
          id: true,
          email: true,
          name: true,
          locale: true,
          passwordChangedAt: true,
          sessions: { where: { sessionToken: sessionKey(session.sid), expires: { gt: new Date() } }, select: { expires: true }, take: 1 },
        },
      })
    : null; // a token from before server-side sessions: sign in again
  if (!user || user.sessions.length === 0) return { user: null, stale: true };
  if (user.passwordChangedAt && (session.authTime ?? 0) < user.passwordChangedAt.getTime()) return { user: null, stale: true };
  return { user: { id: user.id, email: user.email, name: user.name, locale: user.locale }, stale: false };
});

export async function currentUser(): Promise<CurrentUser | null> {
  return (await resolveSession()).user;
}

/**
 * The signed-in user, or a redirect to sign in that comes back to the current page. A stale cookie
 * first goes through SESSION_ENDED_PATH, which clears it: middleware (no database) still sees a
 * valid JWT and would bounce /login back to the app otherwise.
 */
export async function requireUser(): Promise<CurrentUser> {
  const { user, stale } = await resolveSession();
  if (!user) {
    const callbackUrl = encodeURIComponent((await headers()).get("x-parley-path") ?? "/");
    redirect(stale ? `${SESSION_ENDED_PATH}?callbackUrl=${callbackUrl}` : `/login?callbackUrl=${callbackUrl}`);
  }
  return user;
}
