/** Where the Graph API is: WHATSAPP_GRAPH_API_URL, else the bundled emulator in development. */
import { env } from "@/lib/env";

export const META_GRAPH_URL = "https://graph.facebook.com";
export const EMULATOR_PORT = 4010;
export const EMULATOR_URL = `http://127.0.0.1:${EMULATOR_PORT}`;

export function graphApiBaseUrl(): string {
  if (env.WHATSAPP_GRAPH_API_URL) return env.WHATSAPP_GRAPH_API_URL.replace(/\/+$/, "");
  return env.NODE_ENV === "production" ? META_GRAPH_URL : EMULATOR_URL;
}

export function graphApiVersion(): string {
  return env.WHATSAPP_GRAPH_API_VERSION;
}
