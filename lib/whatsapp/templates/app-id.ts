/**
 * The Meta app that template samples are uploaded to (POST /{app-id}/uploads): META_APP_ID, or,
 * when the Graph API is not Meta's (the bundled emulator, a test's stand-in), a fixed local id —
 * the emulator takes any numeric app id. Against Meta without META_APP_ID there is none (null),
 * and sample uploads are refused with a clear error rather than sent to a wrong app.
 */
import { env } from "@/lib/env";
import { graphApiBaseUrl } from "../config";

// Not a phone number or WABA id of the emulator (whose numbers start 1…, WABAs 2…): its app id.
export const LOCAL_APP_ID = "400000000000001";

export function metaAppId(): string | null {
  if (env.META_APP_ID) return env.META_APP_ID;
  const host = new URL(graphApiBaseUrl()).hostname;
  return host === "graph.facebook.com" || host.endsWith(".facebook.com") ? null : LOCAL_APP_ID;
}
