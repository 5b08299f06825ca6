/**
 * `phone_number_quality_update` (entry.id = the WABA id): a business number's quality or messaging
 * limit changed. Meta names the number by its display number only:
 *
 *   { display_phone_number: "15550783881", event: "FLAGGED" | "UNFLAGGED" | "DOWNGRADE" | "UPGRADE"
 *     | "THROUGHPUT_UPGRADE" | "ONBOARDING" | …, current_limit?: "TIER_1K" | …, old_limit?,
 *     max_daily_conversations_per_business?: "TIER_1K" | … (current_limit's successor) }
 *
 * FLAGGED: the number's quality rating dropped to low (RED); UNFLAGGED: it recovered.
 */
import { z } from "zod";

const valueSchema = z.looseObject({
  display_phone_number: z.union([z.string().max(64), z.number()]),
  event: z.string().min(1).max(64),
  current_limit: z.string().max(64).optional(),
  max_daily_conversations_per_business: z.union([z.string().max(64), z.number()]).optional(),
});

export interface NumberQualityUpdate {
  /** Digits only, as Meta writes them. */
  displayNumber: string;
  /** Upper-case, as Meta sends it. */
  event: string;
  /** The messaging limit tier now (TIER_250 …), when the update says. */
  limitTier: string | null;
}

export type ParsedNumberQuality = { ok: true; update: NumberQualityUpdate } | { ok: false; reason: string };

const tier = (value: string | number | undefined): string | null => (typeof value === "string" && /^TIER_[A-Z0-9_]+$/.test(value) ? value : null);

export function parseNumberQuality(raw: unknown): ParsedNumberQuality {
  const parsed = valueSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "phone_number_quality_update without display_phone_number or event" };
  const displayNumber = String(parsed.data.display_phone_number).replace(/\D/g, "");
  if (!displayNumber) return { ok: false, reason: "phone_number_quality_update with an empty display_phone_number" };
  return {
    ok: true,
    update: {
      displayNumber,
      event: parsed.data.event.toUpperCase(),
      limitTier: tier(parsed.data.max_daily_conversations_per_business) ?? tier(parsed.data.current_limit),
    },
  };
}
