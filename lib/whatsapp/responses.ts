/**
 * zod schemas for Meta's answers. Each requires only what the client uses and lets every other
 * field through (Meta adds fields without notice); enums Meta may extend are read as strings, so
 * a new value never turns a successful call — a send that went out — into an error.
 */
import { z } from "zod";

/** `{"success": true}` — Meta answers a refused delete or read receipt with an error, not `false`. */
export const successSchema = z.looseObject({ success: z.literal(true) });

/** POST /{phone-number-id}/messages. */
export const sendResponseSchema = z.looseObject({
  messaging_product: z.string().optional(),
  // Optional: Meta plans to omit the phone number for users known by a username (META.md).
  contacts: z.array(z.looseObject({ input: z.string().optional(), wa_id: z.string().optional() })).optional(),
  messages: z.array(z.looseObject({ id: z.string().min(1), message_status: z.string().optional() })).min(1),
});

/** POST /{phone-number-id}/media. */
export const uploadResponseSchema = z.looseObject({ id: z.string().min(1) });

// Seen as a number and as a numeric string ("303833") in Meta's examples.
const byteCount = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/).transform(Number)]);

/** GET /{media-id}. */
export const mediaMetadataSchema = z.looseObject({
  id: z.string().min(1),
  url: z.url(),
  mime_type: z.string().min(1),
  sha256: z.string().optional(),
  file_size: byteCount.optional(),
  messaging_product: z.string().optional(),
});

const templateSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  language: z.string(),
  status: z.string(),
  category: z.string(),
  components: z.array(z.looseObject({ type: z.string() })).default([]),
  parameter_format: z.string().optional(),
  rejected_reason: z.string().optional(),
  quality_score: z.looseObject({ score: z.string().optional() }).optional(),
});
export type TemplateNode = z.infer<typeof templateSchema>;

/** GET /{waba-id}/message_templates, one page. */
export const templatePageSchema = z.looseObject({
  data: z.array(templateSchema),
  paging: z
    .looseObject({
      cursors: z.looseObject({ before: z.string().optional(), after: z.string().optional() }).optional(),
      next: z.string().optional(),
    })
    .optional(),
});

/** POST /{waba-id}/message_templates. */
export const createTemplateResponseSchema = z.looseObject({ id: z.string().min(1), status: z.string(), category: z.string().optional() });

/** GET /{template-id}: one template node (the same fields as a list entry). */
export const templateNodeSchema = templateSchema;

/** POST /{app-id}/uploads: the resumable upload session ("upload:…", may carry "?sig=…"). */
export const uploadSessionSchema = z.looseObject({ id: z.string().regex(/^upload:/, "expected an upload session id") });

/** POST /upload:<session>: the file handle for `example.header_handle`. */
export const uploadHandleSchema = z.looseObject({ h: z.string().min(1) });

/** GET /{phone-number-id}?fields=… */
export const phoneNumberSchema = z.looseObject({
  id: z.string().min(1),
  display_phone_number: z.string(),
  verified_name: z.string(),
  quality_rating: z.string().optional(),
  throughput: z.looseObject({ level: z.string() }).optional(),
  messaging_limit_tier: z.string().optional(),
  code_verification_status: z.string().optional(),
  name_status: z.string().optional(),
  platform_type: z.string().optional(),
});

/** GET /{waba-id}/phone_numbers?fields=id, one page. */
export const wabaPhoneNumbersPageSchema = z.looseObject({
  data: z.array(z.looseObject({ id: z.string().min(1) })),
  paging: z
    .looseObject({
      cursors: z.looseObject({ before: z.string().optional(), after: z.string().optional() }).optional(),
      next: z.string().optional(),
    })
    .optional(),
});
