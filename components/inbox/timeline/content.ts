/**
 * Safe reads from a message's `content` (Meta's payload, stored as JSON): nothing in it is trusted
 * to have the shape its type promises, so every read checks and falls back.
 */
export type Json = Record<string, unknown>;

export function record(value: unknown): Json {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

export function text(value: unknown): string | null {
  return typeof value === "string" && value.length > 0 ? value : null;
}

export function num(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * The type's payload: inbound rows store it flat (`{ body }`, `{ caption, id }`), outbound sends in
 * Meta's request shape (`{ text: { body } }`, `{ image: { caption } }`). Both are read the same way.
 */
export function payload(content: Json, type: string): Json {
  const nested = content[type];
  return typeof nested === "object" && nested !== null && !Array.isArray(nested) ? (nested as Json) : content;
}

/** A map link for a location (OpenStreetMap: no key, no tracking script). */
export function mapUrl(latitude: number, longitude: number): string {
  return `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=16/${latitude}/${longitude}`;
}
