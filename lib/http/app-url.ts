import { configuredAppUrl, env } from "@/lib/env";

/**
 * The public origin for links we send (reset and invitation emails, the webhook URL shown to admins):
 * from configuration only, never from the request — a Host or X-Forwarded-Host header passed on by a
 * proxy would let an attacker point a victim's reset link at their own site.
 */
export function appUrl(): string {
  const origin = configuredAppUrl({
    APP_URL: env.APP_URL,
    VERCEL: env.VERCEL,
    VERCEL_PROJECT_PRODUCTION_URL: env.VERCEL_PROJECT_PRODUCTION_URL,
    NODE_ENV: env.NODE_ENV,
    PORT: env.PORT?.toString(),
  });
  // Unreachable in a started production server: assertProductionEnv refuses to start without it.
  if (!origin) throw new Error("APP_URL is not set (required in production).");
  return origin;
}

// Browsers delete tabs and newlines anywhere in a URL ("/\t/evil.example" becomes "//evil.example").
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/** Only same-site paths are followed after sign-in: no open redirects. */
export function safeCallbackPath(value: string | null | undefined, fallback = "/"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (CONTROL_CHARACTER.test(value)) return fallback;
  return value;
}
