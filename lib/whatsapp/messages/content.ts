/** Schemas for the plain message kinds: text, media, location, contacts, reaction. */
import { z } from "zod";
import {
  captionedMediaSchema,
  documentMediaSchema,
  latitudeSchema,
  longitudeSchema,
  MESSAGE_LIMITS,
  mediaRefSchema,
  messageIdSchema,
} from "./common";

export const textContentSchema = z.strictObject({
  type: z.literal("text"),
  text: z.strictObject({
    body: z
      .string()
      .max(MESSAGE_LIMITS.textBody)
      .refine((body) => body.trim().length > 0, "must not be blank"),
    /** Render a preview of the first URL in the body. */
    preview_url: z.boolean().optional(),
  }),
});

export const imageContentSchema = z.strictObject({ type: z.literal("image"), image: captionedMediaSchema });
export const videoContentSchema = z.strictObject({ type: z.literal("video"), video: captionedMediaSchema });
// Audio and stickers take no caption (Meta refuses one).
export const audioContentSchema = z.strictObject({ type: z.literal("audio"), audio: mediaRefSchema });
export const stickerContentSchema = z.strictObject({ type: z.literal("sticker"), sticker: mediaRefSchema });
export const documentContentSchema = z.strictObject({ type: z.literal("document"), document: documentMediaSchema });

export const locationContentSchema = z.strictObject({
  type: z.literal("location"),
  location: z.strictObject({
    latitude: latitudeSchema,
    longitude: longitudeSchema,
    name: z.string().max(1000).optional(),
    address: z.string().max(1000).optional(),
  }),
});

const contactSchema = z.strictObject({
  name: z.strictObject({
    formatted_name: z.string().min(1),
    first_name: z.string().optional(),
    last_name: z.string().optional(),
    middle_name: z.string().optional(),
    suffix: z.string().optional(),
    prefix: z.string().optional(),
  }),
  phones: z.array(z.strictObject({ phone: z.string().min(1), type: z.string().optional(), wa_id: z.string().optional() })).optional(),
  emails: z.array(z.strictObject({ email: z.string().min(1), type: z.string().optional() })).optional(),
  urls: z.array(z.strictObject({ url: z.string().min(1), type: z.string().optional() })).optional(),
  addresses: z
    .array(
      z.strictObject({
        street: z.string().optional(),
        city: z.string().optional(),
        state: z.string().optional(),
        zip: z.string().optional(),
        country: z.string().optional(),
        country_code: z.string().optional(),
        type: z.string().optional(),
      }),
    )
    .optional(),
  org: z.strictObject({ company: z.string().optional(), department: z.string().optional(), title: z.string().optional() }).optional(),
  birthday: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD")
    .optional(),
});
export type ContactCard = z.infer<typeof contactSchema>;

export const contactsContentSchema = z.strictObject({ type: z.literal("contacts"), contacts: z.array(contactSchema).min(1) });

export const reactionContentSchema = z.strictObject({
  type: z.literal("reaction"),
  reaction: z.strictObject({
    message_id: messageIdSchema,
    /** An emoji; the empty string removes an earlier reaction. */
    emoji: z.string().max(MESSAGE_LIMITS.reactionEmoji),
  }),
});
