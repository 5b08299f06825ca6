/**
 * Template sends: name, `language.code`, and the parameters for the header, body and buttons.
 * Shapes from META.md and Meta's OpenAPI (TemplateObject / TemplateComponent): button `index` is a
 * string; currency is `{fallback_value, code, amount_1000}`; date_time is `{fallback_value}`.
 * `parameter_name` is for templates created with named parameters ({{first_name}}).
 */
import { z } from "zod";
import { captionedMediaSchema, documentMediaSchema, latitudeSchema, longitudeSchema } from "./common";

export const TEMPLATE_LIMITS = {
  name: 512,
  headerText: 60,
  /** A body text parameter (OpenAPI TextParameter.maxLength). */
  bodyText: 32768,
  buttonText: 2000,
  payload: 1000,
  couponCode: 15,
} as const;

const parameterName = z
  .string()
  .regex(/^[a-z0-9_]+$/, "named parameters are lower-case letters, digits and _")
  .optional();
const nonBlank = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => value.trim().length > 0, "must not be blank");

const textParameter = (max: number) => z.strictObject({ type: z.literal("text"), text: nonBlank(max), parameter_name: parameterName });

const currencyParameter = z.strictObject({
  type: z.literal("currency"),
  currency: z.strictObject({
    fallback_value: nonBlank(1000),
    /** ISO 4217. */
    code: z.string().regex(/^[A-Z]{3}$/, "expected an ISO 4217 code such as IDR"),
    /** The amount times 1000: 150000 for 150.00. */
    amount_1000: z.number().int(),
  }),
  parameter_name: parameterName,
});

const dateTimeParameter = z.strictObject({
  type: z.literal("date_time"),
  // Cloud API always renders the fallback value.
  date_time: z.strictObject({ fallback_value: nonBlank(1000) }),
  parameter_name: parameterName,
});

// Template media carry no caption.
const templateMedia = captionedMediaSchema.refine((media) => media.caption === undefined, "template media take no caption");
const templateDocument = documentMediaSchema.refine((media) => media.caption === undefined, "template media take no caption");

const headerParameter = z.discriminatedUnion("type", [
  textParameter(TEMPLATE_LIMITS.headerText),
  z.strictObject({ type: z.literal("image"), image: templateMedia }),
  z.strictObject({ type: z.literal("video"), video: templateMedia }),
  z.strictObject({ type: z.literal("document"), document: templateDocument }),
  z.strictObject({
    type: z.literal("location"),
    location: z.strictObject({
      latitude: latitudeSchema,
      longitude: longitudeSchema,
      name: z.string().optional(),
      address: z.string().optional(),
    }),
  }),
]);

const bodyParameter = z.discriminatedUnion("type", [textParameter(TEMPLATE_LIMITS.bodyText), currencyParameter, dateTimeParameter]);

/** The button's position in the template, as a string ("0"…"9"). */
const buttonIndex = z.string().regex(/^\d$/, 'expected a button position "0" to "9" (a string)');

const buttonComponent = z.discriminatedUnion("sub_type", [
  z.strictObject({
    type: z.literal("button"),
    sub_type: z.literal("quick_reply"),
    index: buttonIndex,
    parameters: z.array(z.strictObject({ type: z.literal("payload"), payload: z.string().min(1).max(TEMPLATE_LIMITS.payload) })).length(1),
  }),
  z.strictObject({
    type: z.literal("button"),
    sub_type: z.literal("url"),
    index: buttonIndex,
    /** The suffix appended to the template's URL. */
    parameters: z.array(z.strictObject({ type: z.literal("text"), text: nonBlank(TEMPLATE_LIMITS.buttonText) })).length(1),
  }),
  z.strictObject({
    type: z.literal("button"),
    sub_type: z.literal("copy_code"),
    index: buttonIndex,
    parameters: z.array(z.strictObject({ type: z.literal("coupon_code"), coupon_code: nonBlank(TEMPLATE_LIMITS.couponCode) })).length(1),
  }),
]);

const templateComponent = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("header"), parameters: z.array(headerParameter).length(1) }),
  z.strictObject({ type: z.literal("body"), parameters: z.array(bodyParameter).min(1) }),
  buttonComponent,
]);

export const templateSendSchema = z
  .strictObject({
    name: z.string().min(1).max(TEMPLATE_LIMITS.name),
    language: z.strictObject({
      /** "en", "en_US", "id"… */
      code: z.string().regex(/^[a-z]{2,3}(_[A-Za-z]{2,4})?$/, "expected a language code such as en_US or id"),
      policy: z.literal("deterministic").optional(),
    }),
    components: z.array(templateComponent).optional(),
  })
  .superRefine((template, context) => {
    const components = template.components ?? [];
    for (const kind of ["header", "body"] as const) {
      if (components.filter((component) => component.type === kind).length > 1) {
        context.addIssue({ code: "custom", path: ["components"], message: `at most one ${kind} component` });
      }
    }
    const indexes = components.flatMap((component) => (component.type === "button" ? [component.index] : []));
    if (new Set(indexes).size !== indexes.length)
      context.addIssue({ code: "custom", path: ["components"], message: "button indexes must be unique" });
  });

export const templateContentSchema = z.strictObject({ type: z.literal("template"), template: templateSendSchema });

export type TemplateSend = z.infer<typeof templateSendSchema>;
export type TemplateComponentParameters = z.infer<typeof templateComponent>;
