/**
 * A message template as Parley's builder holds it: one structured value per field, so every lint
 * problem can point at the field it is about (`path`, e.g. "body.text", "buttons.2.url",
 * "carousel.cards.1.body.text"). `draftToComponents` (components.ts) turns it into Meta's component
 * array for POST /{waba}/message_templates; `componentsToDraft` reads a synced template back.
 *
 * The schema is deliberately loose on lengths and formats: a half-written draft must be storable.
 * What Meta would refuse is found by `lintTemplate` (lint.ts), in the builder and on the server.
 * Plain zod only: this file is imported by client components.
 */
import { z } from "zod";

export const TEMPLATE_CATEGORIES = ["MARKETING", "UTILITY", "AUTHENTICATION"] as const;
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];

export const PARAMETER_FORMATS = ["POSITIONAL", "NAMED"] as const;
export type ParameterFormat = (typeof PARAMETER_FORMATS)[number];

export const MEDIA_FORMATS = ["IMAGE", "VIDEO", "DOCUMENT"] as const;
export type MediaFormat = (typeof MEDIA_FORMATS)[number];

const text = (max = 4096) => z.string().max(max);

/**
 * A media sample uploaded to Meta through the resumable upload API: `handle` is what Meta wants in
 * `example.header_handle`. `mediaUploadId` names Parley's own copy (to preview it later).
 */
export const templateSampleSchema = z.strictObject({
  handle: z.string().min(1).max(2048),
  fileName: text(255),
  mimeType: text(127),
  size: z.number().int().nonnegative(),
  mediaUploadId: z.string().max(64).optional(),
});
export type TemplateSample = z.infer<typeof templateSampleSchema>;

/** Example values of a text's variables, by variable name ("1", "first_name"). */
const examplesSchema = z.record(z.string().max(64), text(1024)).default({});

export const templateHeaderSchema = z.discriminatedUnion("format", [
  z.strictObject({ format: z.literal("NONE") }),
  z.strictObject({ format: z.literal("TEXT"), text: text(), examples: examplesSchema }),
  z.strictObject({ format: z.enum(MEDIA_FORMATS), sample: templateSampleSchema.nullable().default(null) }),
  z.strictObject({ format: z.literal("LOCATION") }),
]);
export type TemplateHeader = z.infer<typeof templateHeaderSchema>;

export const templateBodySchema = z.strictObject({ text: text(), examples: examplesSchema });
export type TemplateBody = z.infer<typeof templateBodySchema>;

export const OTP_TYPES = ["COPY_CODE", "ONE_TAP"] as const;

export const templateButtonSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("QUICK_REPLY"), text: text() }),
  /** `url` may end in one variable ("https://shop.example/track/{{1}}"); `example` is its full example URL. */
  z.strictObject({ type: z.literal("URL"), text: text(), url: text(), example: text().default("") }),
  /** E.164 with the leading +. */
  z.strictObject({ type: z.literal("PHONE_NUMBER"), text: text(), phoneNumber: text(64) }),
  /** The coupon code's example; WhatsApp shows the button as "Copy offer code". */
  z.strictObject({ type: z.literal("COPY_CODE"), example: text() }),
  /** Authentication templates only. ONE_TAP needs the Android app's package name and signature hash. */
  z.strictObject({
    type: z.literal("OTP"),
    otpType: z.enum(OTP_TYPES),
    text: text().default(""),
    autofillText: text().default(""),
    packageName: text(255).default(""),
    signatureHash: text(64).default(""),
  }),
]);
export type TemplateButton = z.infer<typeof templateButtonSchema>;
export type TemplateButtonType = TemplateButton["type"];

export const templateCardSchema = z.strictObject({
  header: z.strictObject({ format: z.enum(["IMAGE", "VIDEO"]), sample: templateSampleSchema.nullable().default(null) }),
  body: templateBodySchema,
  buttons: z.array(templateButtonSchema).max(20).default([]),
});
export type TemplateCard = z.infer<typeof templateCardSchema>;

export const templateDraftSchema = z.strictObject({
  name: text(600),
  /** Meta's language code: en_US, id, pt_BR … (languages.ts lists them). */
  language: text(16),
  category: z.enum(TEMPLATE_CATEGORIES),
  parameterFormat: z.enum(PARAMETER_FORMATS).default("POSITIONAL"),
  header: templateHeaderSchema.default({ format: "NONE" }),
  body: templateBodySchema,
  footer: text().default(""),
  buttons: z.array(templateButtonSchema).max(20).default([]),
  /** Marketing carousels: the body above the cards, then 2–10 cards. Null = not a carousel. */
  carousel: z.strictObject({ cards: z.array(templateCardSchema).max(20) }).nullable().default(null),
  /** Authentication templates: Meta writes the body; these are its options. */
  authentication: z
    .strictObject({
      addSecurityRecommendation: z.boolean().default(true),
      /** 1–90; null = no expiry line in the footer. */
      codeExpirationMinutes: z.number().int().nullable().default(10),
    })
    .default({ addSecurityRecommendation: true, codeExpirationMinutes: 10 }),
  /** Let Meta re-categorise rather than reject when it disagrees with the category. */
  allowCategoryChange: z.boolean().default(true),
});
export type TemplateDraft = z.infer<typeof templateDraftSchema>;
export type TemplateDraftInput = z.input<typeof templateDraftSchema>;

/** A fresh draft for the builder. */
export function emptyDraft(language = "en_US", category: TemplateCategory = "MARKETING"): TemplateDraft {
  return templateDraftSchema.parse({ name: "", language, category, body: { text: "" } });
}
