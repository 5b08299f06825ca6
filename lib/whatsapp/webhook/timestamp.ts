/** Meta's timestamps are Unix seconds, as a string ("1749416383"); numbers are tolerated. */
const MAX_SECONDS = 100_000_000_000; // year 5138: anything beyond is not a timestamp

export function parseMetaTimestamp(value: unknown): Date | null {
  const seconds = typeof value === "string" && /^\d{1,12}$/.test(value) ? Number(value) : value;
  if (typeof seconds !== "number" || !Number.isInteger(seconds) || seconds <= 0 || seconds >= MAX_SECONDS) return null;
  return new Date(seconds * 1000);
}
