/**
 * One element of `value.messages[]`: a message a WhatsApp user sent to the business, normalised
 * for storage. Only the fields Parley acts on are validated (ids, sender, media reference, …);
 * everything else of the type's payload is kept as Meta sent it, in `content`.
 *
 * Meta's shapes (webhooks/reference/messages/*): `{ from?, from_user_id?, id, timestamp, type,
 * context?: { from, id, forwarded?, frequently_forwarded? }, referral?, errors?, <type>: {…} }`.
 * `from` (the phone-number WhatsApp id) may be absent for username users from 2026, when
 * `from_user_id` (the business-scoped user id) is there instead.
 */
import { z } from "zod";
import { type MetaError, parseMetaErrors } from "./meta-error";
import { previewText } from "./preview";
import { parseReferral, type Referral } from "./referral";
import { parseMetaTimestamp } from "./timestamp";

export const INBOUND_TYPES = [
  "text",
  "image",
  "video",
  "audio",
  "document",
  "sticker",
  "location",
  "contacts",
  "interactive",
  "button",
  "reaction",
  "order",
  "system",
  "unsupported",
] as const;
export type InboundType = (typeof INBOUND_TYPES)[number];

const MEDIA_TYPES = new Set<string>(["image", "video", "audio", "document", "sticker"]);

const wamid = z.string().min(1).max(512);
export const waIdSchema = z.string().regex(/^[\w.+-]{1,64}$/, "not a WhatsApp id");
export const userIdSchema = z.string().regex(/^[\w.:-]{1,256}$/, "not a business-scoped user id");

const messageSchema = z.looseObject({
  id: wamid,
  type: z.string().min(1).max(64),
  timestamp: z.union([z.string().max(32), z.number()]).optional(),
  from: waIdSchema.optional(),
  from_user_id: userIdSchema.optional(),
  context: z
    .looseObject({
      id: wamid.optional(),
      from: z.string().max(64).optional(),
      forwarded: z.boolean().optional(),
      frequently_forwarded: z.boolean().optional(),
    })
    .optional(),
  // Any shape: an odd referral must not cost the message (content keeps it as sent, parseReferral bounds it).
  referral: z.unknown().optional(),
  errors: z.array(z.unknown()).optional(),
});

const mediaSchema = z.looseObject({
  id: z.string().min(1).max(256),
  mime_type: z.string().max(255).optional(),
  sha256: z.string().max(128).optional(),
  caption: z.string().optional(),
  filename: z.string().optional(),
  voice: z.boolean().optional(),
  animated: z.boolean().optional(),
});

const titled = z.looseObject({ id: z.string().optional(), title: z.string().optional() });

/** The type's payload, for the types whose fields Parley reads. */
const payloadSchemas = {
  text: z.looseObject({ body: z.string() }),
  image: mediaSchema,
  video: mediaSchema,
  audio: mediaSchema,
  document: mediaSchema,
  sticker: mediaSchema,
  location: z.looseObject({
    latitude: z.number(),
    longitude: z.number(),
    name: z.string().optional(),
    address: z.string().optional(),
  }),
  contacts: z.array(z.looseObject({ name: z.looseObject({ formatted_name: z.string().optional() }).optional() })),
  interactive: z.looseObject({
    type: z.string(),
    button_reply: titled.optional(),
    list_reply: titled.optional(),
    nfm_reply: z.looseObject({ name: z.string().optional(), body: z.string().optional() }).optional(),
  }),
  button: z.looseObject({ payload: z.string().optional(), text: z.string().optional() }),
  reaction: z.looseObject({ message_id: wamid, emoji: z.string().optional() }),
  order: z.looseObject({ catalog_id: z.string().optional(), text: z.string().optional(), product_items: z.array(z.unknown()).optional() }),
  system: z.looseObject({
    body: z.string().optional(),
    type: z.string().optional(),
    wa_id: waIdSchema.optional(),
    new_wa_id: waIdSchema.optional(),
    user_id: userIdSchema.optional(),
  }),
  unsupported: z.looseObject({ type: z.string().optional() }).optional(),
} satisfies Record<InboundType, z.ZodType>;

export type InboundPayloads = { [K in InboundType]: z.infer<(typeof payloadSchemas)[K]> };

export interface MediaReference {
  metaMediaId: string;
  mimeType: string | null;
  sha256: string | null;
  filename: string | null;
}

export interface InboundMessage {
  wamid: string;
  /** Meta's own type name ("unknown", "request_welcome", … land in `type: "unsupported"`). */
  metaType: string;
  type: InboundType;
  /** Meta's timestamp; null when missing or not a timestamp (the caller substitutes receipt time). */
  timestamp: Date | null;
  from: string | null;
  fromUserId: string | null;
  /** `context.id`: the message this one replies to (absent for plain forwards). */
  replyToWamid: string | null;
  /** The type's payload as Meta sent it, plus `context`, `referral` and `errors` when present. */
  content: Record<string, unknown>;
  media: MediaReference | null;
  /** A click-to-WhatsApp ad's `referral`, bounded for the contact and conversation (./referral.ts); null when none. */
  referral: Referral | null;
  /** For `reaction`: the message reacted to, and the emoji ("" = reaction removed). */
  reaction: { messageId: string; emoji: string } | null;
  /** For `system`: the user's new WhatsApp id (user_changed_number) or user id (user_changed_user_id). */
  identityChange: { waId: string | null; userId: string | null } | null;
  errors: MetaError[];
  previewText: string | null;
}

export type ParsedInbound = { ok: true; message: InboundMessage } | { ok: false; wamid: string | null; reason: string };

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join(".") || "message"}: ${issue.message}` : "invalid";
}

function isInboundType(type: string): type is InboundType {
  return (INBOUND_TYPES as readonly string[]).includes(type);
}

export function parseInboundMessage(raw: unknown): ParsedInbound {
  const base = messageSchema.safeParse(raw);
  if (!base.success) {
    const id = typeof raw === "object" && raw !== null && "id" in raw && typeof raw.id === "string" ? raw.id.slice(0, 512) : null;
    return { ok: false, wamid: id, reason: describe(base.error) };
  }
  const message = base.data;
  const metaType = message.type;
  const type: InboundType = isInboundType(metaType) ? metaType : "unsupported";
  const rawPayload = (message as Record<string, unknown>)[metaType];

  const payload = payloadSchemas[type].safeParse(rawPayload);
  if (!payload.success) return { ok: false, wamid: message.id, reason: `${metaType}: ${describe(payload.error)}` };
  const data = payload.data;

  const content: Record<string, unknown> =
    type === "contacts" ? { contacts: rawPayload } : typeof rawPayload === "object" && rawPayload !== null ? { ...rawPayload } : {};
  if (type === "unsupported" && metaType !== "unsupported") content.type ??= metaType;
  if (message.context) content.context = message.context;
  if (message.referral !== undefined && message.referral !== null) content.referral = message.referral;
  if (message.errors) content.errors = message.errors;

  const typed = { type, data } as { [K in InboundType]: { type: K; data: InboundPayloads[K] } }[InboundType];
  let media: MediaReference | null = null;
  let reaction: InboundMessage["reaction"] = null;
  let identityChange: InboundMessage["identityChange"] = null;
  if (MEDIA_TYPES.has(typed.type)) {
    const m = typed.data as z.infer<typeof mediaSchema>;
    media = { metaMediaId: m.id, mimeType: m.mime_type ?? null, sha256: m.sha256 ?? null, filename: m.filename ?? null };
  } else if (typed.type === "reaction") {
    reaction = { messageId: typed.data.message_id, emoji: typed.data.emoji ?? "" };
  } else if (typed.type === "system") {
    const newWaId = typed.data.wa_id ?? typed.data.new_wa_id ?? null;
    const newUserId = typed.data.user_id ?? null;
    if (newWaId || newUserId) identityChange = { waId: newWaId, userId: newUserId };
  }

  return {
    ok: true,
    message: {
      wamid: message.id,
      metaType,
      type,
      timestamp: parseMetaTimestamp(message.timestamp),
      from: message.from ?? null,
      fromUserId: message.from_user_id ?? null,
      replyToWamid: message.context?.id ?? (reaction ? reaction.messageId : null),
      content,
      media,
      referral: parseReferral(message.referral),
      reaction,
      identityChange,
      errors: parseMetaErrors(message.errors),
      previewText: previewText(typed),
    },
  };
}
