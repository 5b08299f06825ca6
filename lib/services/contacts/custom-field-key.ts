/**
 * A custom field's key: how its value is named in Contact.customFields, in a CSV import's mapping
 * (`custom:<key>`) and in saved filters — lower-case letters, digits and `_`, at most 64. Chosen
 * once, at creation (derived from the label unless given), and never changed, so stored values,
 * imports and filters keep meaning the same field. Pure: the settings form proposes the same key.
 */
export const CUSTOM_FIELD_KEY_PATTERN = /^[a-z0-9_]{1,64}$/;
export const CUSTOM_FIELD_KEY_MAX = 64;

/** "Tanggal Lahir" → "tanggal_lahir", "Kota / Région" → "kota_region"; "" when nothing is left. */
export function customFieldKeyFromLabel(label: string): string {
  return label
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, CUSTOM_FIELD_KEY_MAX)
    .replace(/_+$/, "");
}

/** `base`, or `base_2`, `base_3`, … — the first that `taken` does not hold, within 64 characters. */
export function uniqueCustomFieldKey(base: string, taken: ReadonlySet<string>): string {
  const start = base || "field";
  if (!taken.has(start)) return start;
  for (let n = 2; ; n++) {
    const suffix = `_${n}`;
    const key = `${start.slice(0, CUSTOM_FIELD_KEY_MAX - suffix.length).replace(/_+$/, "")}${suffix}`;
    if (!taken.has(key)) return key;
  }
}
