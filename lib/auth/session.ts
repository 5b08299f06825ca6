/**
 * Who is signed in, checked against the database (the JWT alone is not trusted for a user that
 * no longer exists, or for a session issued before the password last changed).
 */
import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { headers } from "next/headers";
import { auth } from "@/lib/auth";
import { prisma } from "@/lib/db";

export interface CurrentUser {
  id: string;
  email: string;
  name: string | null;
  locale: string | null;
}

export const currentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, locale: true, passwordChangedAt: true },
  });
  if (!user) return null;
  if (user.passwordChangedAt && (session.authTime ?? 0) < user.passwordChangedAt.getTime()) return null;
  return { id: user.id, email: user.email, name: user.name, locale: user.locale };
});

/** The signed-in user, or a redirect to /login that comes back to the current page. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) {
    const path = (await headers()).get("x-parley-path") ?? "/";
    redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  }
  return user;
}
