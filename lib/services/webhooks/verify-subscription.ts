/** Meta's subscription handshake: `hub.mode=subscribe`, a verify token we know, and a challenge to echo. */
import { isKnownVerifyToken } from "@/lib/services/whatsapp/connection-secrets";

const MAX_CHALLENGE_CHARS = 1_024;

/** The challenge to answer with, or null (→ 403). */
export async function verifySubscription(params: {
  mode: string | null;
  token: string | null;
  challenge: string | null;
}): Promise<string | null> {
  const { mode, token, challenge } = params;
  if (mode !== "subscribe" || !token || challenge === null || challenge.length > MAX_CHALLENGE_CHARS) return null;
  return (await isKnownVerifyToken(token)) ? challenge : null;
}
