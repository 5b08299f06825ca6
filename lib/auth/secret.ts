import { env } from "@/lib/env";

/** The secret that signs sessions, reset links and invitation tokens. */
export function authSecret(): string {
  const secret = env.AUTH_SECRET;
  if (!secret) {
    // Development gets one generated into .env.local by `npm run dev`; tests set their own.
    throw new Error("AUTH_SECRET is not set. Run `npm run dev` once, or set it in the environment.");
  }
  return secret;
}
