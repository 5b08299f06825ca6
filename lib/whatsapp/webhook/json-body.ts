/**
 * Turns the verified bytes of a delivery into a JSON value Postgres will store as `jsonb`.
 *
 * - Invalid UTF-8 or invalid JSON is refused (Meta never sends either).
 * - Nesting deeper than MAX_JSON_DEPTH is refused: Meta's deepest payloads (an order's items, a
 *   shared contact's phones) are about a dozen levels, and a hostile body of a million brackets
 *   must not reach the database (whose jsonb parser recurses).
 * - Strings that `jsonb` cannot hold are repaired rather than refused, because refusing a genuine
 *   delivery means losing it: U+0000 becomes U+FFFD and lone surrogates become U+FFFD.
 * - Objects are rebuilt with own properties only (a `__proto__` key stays a plain key).
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type DecodedBody = { ok: true; value: JsonValue } | { ok: false; reason: "not_utf8" | "not_json" | "too_deep" };

export const MAX_JSON_DEPTH = 64;

const TOO_DEEP = Symbol("too deep");

function cleanString(value: string): string {
  return value.includes("\u0000") ? value.replaceAll("\u0000", "\uFFFD").toWellFormed() : value.toWellFormed();
}

function clean(value: unknown, depth: number): JsonValue | typeof TOO_DEEP {
  if (typeof value === "string") return cleanString(value);
  if (value === null || typeof value === "number" || typeof value === "boolean") return value;
  if (depth >= MAX_JSON_DEPTH) return TOO_DEEP;
  if (Array.isArray(value)) {
    const out: JsonValue[] = [];
    for (const item of value) {
      const cleaned = clean(item, depth + 1);
      if (cleaned === TOO_DEEP) return TOO_DEEP;
      out.push(cleaned);
    }
    return out;
  }
  const entries: [string, JsonValue][] = [];
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const cleaned = clean(item, depth + 1);
    if (cleaned === TOO_DEEP) return TOO_DEEP;
    entries.push([cleanString(key), cleaned]);
  }
  return Object.fromEntries(entries);
}

/** Cleans an already-parsed value (see the module comment); undefined when it nests too deeply. */
export function toStorableJson(value: unknown): JsonValue | undefined {
  const cleaned = clean(value, 0);
  return cleaned === TOO_DEEP ? undefined : cleaned;
}

export function decodeJsonBody(bytes: Uint8Array): DecodedBody {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, reason: "not_utf8" };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, reason: "not_json" };
  }
  const value = toStorableJson(parsed);
  return value === undefined ? { ok: false, reason: "too_deep" } : { ok: true, value };
}
