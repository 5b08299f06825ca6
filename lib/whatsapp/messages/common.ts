/**
 * Building blocks shared by the outbound message schemas: ids, recipients and media references,
 * with Meta's documented limits. Field names are Meta's own (snake_case) so a payload reads the
 * same here, in Meta's docs and in a stored message.
 */
import { z } from "zod";

/** Limits from Meta's message reference and its OpenAPI description (business-messaging-api v23.0). */
export const MESSAGE_LIMITS = {
  textBody: 4096,
  caption: 1024,
  // Meta documents no limit; the emulator enforces 240, so we take the stricter.
  filename: 240,
  /** `biz_opaque_callback_data`: 512 (META.md counts bytes; we count UTF-8 bytes, the stricter reading). */
  callbackDataBytes: 512,
  reactionEmoji: 32,
} as const;

/** A phone number or WhatsApp id, digits with an optional leading "+" (E.164 without formatting). */
export const recipientSchema = z.string().regex(/^\+?\d{6,20}$/, "expected a phone number or wa_id: digits, optional leading +");

/** A message id as Meta returns it (wamid.…); kept opaque, only bounded. */
export const messageIdSchema = z.string().min(1).max(512);

/** An uploaded media id. */
export const mediaIdSchema = z.string().regex(/^[A-Za-z0-9._:-]{1,256}$/, "expected a media id");

/** Media by link: Meta fetches it itself, over HTTP(S) only. */
export const mediaLinkSchema = z.url({ protocol: /^https?$/, message: "expected an http(s) URL" }).max(2048);

const nonBlank = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => value.trim().length > 0, "must not be blank");
export const captionSchema = nonBlank(MESSAGE_LIMITS.caption);
export const filenameSchema = nonBlank(MESSAGE_LIMITS.filename);

function exactlyOneSource(media: { id?: string; link?: string }): boolean {
  return (media.id === undefined) !== (media.link === undefined);
}
const ONE_SOURCE = { message: "give exactly one of id (uploaded media) or link" };

/** { id } or { link }, nothing else: audio, sticker, template header media. */
export const mediaRefSchema = z
  .strictObject({ id: mediaIdSchema.optional(), link: mediaLinkSchema.optional() })
  .refine(exactlyOneSource, ONE_SOURCE);

/** Image and video: a media reference with an optional caption. */
export const captionedMediaSchema = z
  .strictObject({ id: mediaIdSchema.optional(), link: mediaLinkSchema.optional(), caption: captionSchema.optional() })
  .refine(exactlyOneSource, ONE_SOURCE);

/** Document: a caption and the file name the recipient sees. */
export const documentMediaSchema = z
  .strictObject({
    id: mediaIdSchema.optional(),
    link: mediaLinkSchema.optional(),
    caption: captionSchema.optional(),
    filename: filenameSchema.optional(),
  })
  .refine(exactlyOneSource, ONE_SOURCE);

export type MediaRef = z.infer<typeof mediaRefSchema>;
export type CaptionedMedia = z.infer<typeof captionedMediaSchema>;
export type DocumentMedia = z.infer<typeof documentMediaSchema>;

export const latitudeSchema = z.number().min(-90).max(90);
export const longitudeSchema = z.number().min(-180).max(180);

const encoder = new TextEncoder();
export function utf8Length(value: string): number {
  return encoder.encode(value).length;
}
