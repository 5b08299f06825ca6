/**
 * A campaign's automatic retry window: every `everyHours` after a run ends, its retryable failures
 * (Meta's marketing cap, exhausted 5xx retries…) are sent again as a new run, until `forDays` after
 * the campaign started. Plain JSON in Campaign.autoRetry (null: off).
 */
import { z } from "zod";

export const autoRetrySchema = z.object({
  everyHours: z.number().int().min(1).max(72),
  forDays: z.number().int().min(1).max(14),
});
export type AutoRetry = z.infer<typeof autoRetrySchema>;

export const DEFAULT_AUTO_RETRY: AutoRetry = { everyHours: 6, forDays: 3 };

/** A stored window read back; one that no longer parses is off. */
export function storedAutoRetry(value: unknown): AutoRetry | null {
  const parsed = autoRetrySchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
