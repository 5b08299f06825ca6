import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
    /** When the user signed in (ms); compared with the password's change time. */
    authTime?: number;
    /** The server-side session's id (lib/auth/sessions.ts); the session lives while its row does. */
    sid?: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    authTime?: number;
    sid?: string;
  }
}
