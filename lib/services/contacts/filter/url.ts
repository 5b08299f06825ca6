/**
 * A filter in a URL: base64url of its JSON, so the table's view survives a reload, a shared link
 * and an export link. Reading never throws: what does not decode is "no filter" for the caller's
 * schema to judge.
 */
import type { ContactFilter } from "./schema";

export function encodeFilterParam(filter: ContactFilter): string {
  const bytes = new TextEncoder().encode(JSON.stringify(filter));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function decodeFilterParam(param: string | null | undefined): unknown {
  if (!param) return {};
  try {
    const binary = atob(param.replace(/-/g, "+").replace(/_/g, "/"));
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
  } catch {
    return null;
  }
}
