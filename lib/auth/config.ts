/**
 * The Edge-safe half of Auth.js's configuration: what middleware.ts needs to read a session.
 * No Prisma, no Node APIs here (STACK.md); providers live in lib/auth/index.ts.
 */
import type { NextAuthConfig } from "next-auth";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export const authConfig = {
  pages: { signIn: "/login", error: "/login" },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      // Kept through token refreshes: sessions that began before a password change are refused.
      if (user) token.authTime = Date.now();
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      if (typeof token.authTime === "number") session.authTime = token.authTime;
      if (typeof token.sid === "string") session.sid = token.sid;
      return session;
    },
  },
} satisfies NextAuthConfig;
