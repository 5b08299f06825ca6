/**
 * `value.contacts[]` of an inbound change: who sent the messages, with the WhatsApp profile name.
 *   { profile: { name }, wa_id?, user_id? }   (no contacts block at all for `system` messages)
 */
import { z } from "zod";
import { userIdSchema, waIdSchema } from "@/lib/whatsapp/webhook/inbound-message";

export interface SenderProfile {
  waId: string | null;
  userId: string | null;
  name: string | null;
}

const profileSchema = z.looseObject({
  wa_id: waIdSchema.optional(),
  user_id: userIdSchema.optional(),
  profile: z.looseObject({ name: z.string().optional() }).optional(),
});

const NAME_MAX_CHARS = 256;

export function parseProfiles(raw: unknown[] | undefined): SenderProfile[] {
  const profiles: SenderProfile[] = [];
  for (const item of raw ?? []) {
    const parsed = profileSchema.safeParse(item);
    if (!parsed.success) continue;
    const name = parsed.data.profile?.name?.trim().slice(0, NAME_MAX_CHARS) || null;
    profiles.push({ waId: parsed.data.wa_id ?? null, userId: parsed.data.user_id ?? null, name });
  }
  return profiles;
}

/** The profile of a message's sender: matched by wa_id or user_id; a lone profile when it cannot clash. */
export function profileFor(profiles: SenderProfile[], sender: { from: string | null; fromUserId: string | null }): SenderProfile | null {
  const match = profiles.find(
    (p) => (sender.from !== null && p.waId === sender.from) || (sender.fromUserId !== null && p.userId === sender.fromUserId),
  );
  if (match) return match;
  const [only] = profiles;
  if (profiles.length !== 1 || !only) return null;
  const clashes =
    (only.waId && sender.from && only.waId !== sender.from) || (only.userId && sender.fromUserId && only.userId !== sender.fromUserId);
  return clashes ? null : only;
}
