/**
 * Whether a URL someone else gave us (Meta's ad `source_url`, an image URL) may become a link or be
 * kept as one: absolute `http:` or `https:` only — never `javascript:`, `data:`, `vbscript:`, a
 * relative or protocol-relative path — with no credentials, no control characters or whitespace
 * (browsers drop tabs and newlines inside URLs, so "java\tscript:" would still run) and at most
 * `max` characters. Returns the URL as given (trimmed), or null. No dependencies: the inbox panel
 * uses it in the browser to decide what it renders as a link.
 */
export const EXTERNAL_URL_MAX_CHARS = 2048;

const UNSAFE_CHARACTER = /[\u0000-\u0020\u007f-\u009f\u2028\u2029]/;

export function externalHttpUrl(value: unknown, max = EXTERNAL_URL_MAX_CHARS): string | null {
  if (typeof value !== "string") return null;
  const url = value.trim();
  if (url.length === 0 || url.length > max || UNSAFE_CHARACTER.test(url)) return null;
  // The host right after "//" ("https:///x" and "https://\\x" are repaired by URL parsers: refused).
  if (!/^https?:\/\/[^/\\]/i.test(url)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
  if (!parsed.hostname || parsed.username || parsed.password) return null;
  return url;
}
