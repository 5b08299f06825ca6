/**
 * Reads a stored RenderedTemplate back (Message.content.rendered): JSON from the database is not
 * trusted to have the shape, so anything else reads as null and the caller falls back.
 */
import { z } from "zod";
import type { RenderedTemplate } from "./rendered";

const nullableText = z.string().nullable();

/** A picture's address is drawn as <img src> / <a href>: only https links and the app's own media route. */
const mediaUrl = z
  .string()
  .nullable()
  .transform((url) => (url && /^(https:\/\/|\/api\/media\/)/i.test(url) ? url : null));

const buttonSchema = z.object({
  type: z.enum(["quick_reply", "url", "phone_number", "copy_code", "otp", "other"]),
  text: z.string(),
  value: nullableText.optional(),
});

const headerSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("text"), text: z.string() }),
  z.object({ kind: z.enum(["image", "video", "document"]), url: mediaUrl, fileName: nullableText.optional() }),
  z.object({ kind: z.literal("location"), name: nullableText.optional(), address: nullableText.optional() }),
]);

export const renderedTemplateSchema = z.object({
  header: headerSchema.nullable(),
  body: z.string(),
  footer: nullableText,
  buttons: z.array(buttonSchema),
  cards: z.array(
    z.object({
      header: z.object({ kind: z.enum(["image", "video"]), url: mediaUrl }).nullable(),
      body: z.string(),
      buttons: z.array(buttonSchema),
    }),
  ),
}) satisfies z.ZodType<RenderedTemplate>;

export function readRenderedTemplate(value: unknown): RenderedTemplate | null {
  const parsed = renderedTemplateSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
