/**
 * The caller's IP, for per-IP limits. X-Forwarded-For is written by whoever the request passed
 * through, the client included, so only the entries added by proxies we trust count:
 * - on Vercel, `x-vercel-forwarded-for` (Vercel overwrites X-Forwarded-For and forwards no client
 *   value, so neither can be forged there);
 * - elsewhere `TRUSTED_PROXY_HOPS` proxies (default 0) each appended the address they saw, so the
 *   client is the hops-th entry from the right. With 0 hops, Next.js itself fills X-Forwarded-For
 *   with the socket's address — but only when the request carries none: a client talking straight
 *   to `next start` can still send its own (the rightmost entry is then all there is). Put a proxy
 *   in front and set TRUSTED_PROXY_HOPS=1 for IPs to be trustworthy; per-account and per-member
 *   limits hold either way.
 */
import { isIP } from "node:net";
import { env } from "@/lib/env";

export interface ClientIpSettings {
  onVercel: boolean;
  trustedProxyHops: number;
}

const fromEnv = (): ClientIpSettings => ({ onVercel: Boolean(env.VERCEL), trustedProxyHops: env.TRUSTED_PROXY_HOPS });

function valid(candidate: string | undefined): string | null {
  const value = candidate?.trim();
  return value && isIP(value) ? value : null;
}

export function clientIp(headers: Headers, settings: ClientIpSettings = fromEnv()): string | null {
  const chain = (name: string) =>
    (headers.get(name) ?? "")
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean);
  if (settings.onVercel) return valid(chain("x-vercel-forwarded-for")[0] ?? chain("x-forwarded-for")[0]);
  const forwarded = chain("x-forwarded-for");
  // Proxies append: the last `hops` entries were written by them, the one before by the client's side.
  const index = forwarded.length - Math.max(1, settings.trustedProxyHops);
  return valid(forwarded[index]);
}
