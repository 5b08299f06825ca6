import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";

/** The public origin for links we send: APP_URL when set, else the origin this request came to. */
export async function appUrl(): Promise<string> {
  if (env.APP_URL) return env.APP_URL.replace(/\/+$/, "");
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}

// Browsers delete tabs and newlines anywhere in a URL ("/\t/evil.example" becomes "//evil.example").
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/** Only same-site paths are followed after sign-in: no open redirects. */
export function safeCallbackPath(value: string | null | undefined, fallback = "/"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (CONTROL_CHARACTER.test(value)) return fallback;
  return value;
}
