/**
 * The outer shape of a WhatsApp Business Account webhook delivery:
 *
 *   { object: "whatsapp_business_account",
 *     entry: [{ id: <WABA id>, time?, changes: [{ field: "messages" | "message_template_status_update" | …,
 *                                                 value: { metadata?: { phone_number_id }, … } }] }] }
 *
 * Parsed leniently, level by level (unknown fields pass through), so that one malformed entry or
 * change is recorded and skipped while the rest of the delivery is still processed.
 */
import { z } from "zod";

/** Meta's ids are digit strings; tests and the emulator also use letters, `-`, `_` and `.`. */
export const metaId = z.string().regex(/^[\w.:-]{1,64}$/, "not a Meta id");

export const envelopeSchema = z.looseObject({
  object: z.literal("whatsapp_business_account"),
  entry: z.array(z.unknown()),
});

export const entrySchema = z.looseObject({
  id: metaId.optional(),
  time: z.number().optional(),
  changes: z.array(z.unknown()),
});

export const changeSchema = z.looseObject({
  field: z.string().min(1).max(128),
  value: z.unknown(),
});

export const metadataSchema = z.looseObject({
  phone_number_id: metaId,
  display_phone_number: z.string().max(64).optional(),
});

/** `value` of a `messages` change: inbound messages, statuses of ours, or errors. */
export const messagesValueSchema = z.looseObject({
  messaging_product: z.string().max(32).optional(),
  metadata: metadataSchema,
  contacts: z.array(z.unknown()).optional(),
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
  errors: z.array(z.unknown()).optional(),
});

export type Entry = z.infer<typeof entrySchema>;
export type Change = z.infer<typeof changeSchema>;
export type MessagesValue = z.infer<typeof messagesValueSchema>;

/** What the signature must be checked against: the numbers named, else the WABAs of entries without one. */
export interface RoutingKeys {
  phoneNumberIds: string[];
  wabaIds: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asId(value: unknown): string | undefined {
  return metaId.safeParse(value).data;
}

/**
 * Walks any JSON value for the ids that choose the signing secret, without trusting its shape: a
 * change routes by `value.metadata.phone_number_id`; one without it (template status updates)
 * by its entry's WABA id. Read before the signature is verified, and used for nothing else.
 */
export function peekRoutingKeys(payload: unknown): RoutingKeys {
  const phoneNumberIds = new Set<string>();
  const wabaIds = new Set<string>();
  const entries = isRecord(payload) && Array.isArray(payload.entry) ? payload.entry : [];
  for (const entry of entries) {
    if (!isRecord(entry) || !Array.isArray(entry.changes)) continue;
    const wabaId = asId(entry.id);
    for (const change of entry.changes) {
      const value = isRecord(change) ? change.value : undefined;
      const metadata = isRecord(value) ? value.metadata : undefined;
      const phoneNumberId = isRecord(metadata) ? asId(metadata.phone_number_id) : undefined;
      if (phoneNumberId) phoneNumberIds.add(phoneNumberId);
      else if (wabaId) wabaIds.add(wabaId);
    }
  }
  return { phoneNumberIds: [...phoneNumberIds], wabaIds: [...wabaIds] };
}

/** Whether the value is a WhatsApp Business Account delivery at all (else it is acknowledged and ignored). */
export function isWhatsappEnvelope(payload: unknown): boolean {
  return envelopeSchema.safeParse(payload).success;
}
