/**
 * A message template definition for POST /{waba-id}/message_templates, in Meta's own shape
 * (uppercase component types, `example` blocks). The structure Meta checks on review is rich
 * (per-format headers, a dozen button kinds, authentication options), so components are checked
 * for what every template shares and otherwise passed through for Meta to judge.
 */
import { z } from "zod";

export const TEMPLATE_DEFINITION_LIMITS = { name: 512, headerText: 60, bodyText: 1024, footerText: 60, buttons: 10, cards: 10 } as const;

export const templateCategorySchema = z.enum(["MARKETING", "UTILITY", "AUTHENTICATION"]);
export type TemplateCategory = z.infer<typeof templateCategorySchema>;

/** Template names: lower-case letters, digits and underscores. */
export const templateNameSchema = z
  .string()
  .min(1)
  .max(TEMPLATE_DEFINITION_LIMITS.name)
  .regex(/^[a-z0-9_]+$/, "lower-case letters, digits and _ only");

export const templateLanguageSchema = z.string().regex(/^[a-z]{2,3}(_[A-Za-z]{2,4})?$/, "expected a language code such as en_US or id");

const headerComponent = z.looseObject({
  type: z.literal("HEADER"),
  format: z.enum(["TEXT", "IMAGE", "VIDEO", "DOCUMENT", "LOCATION"]),
  text: z.string().min(1).max(TEMPLATE_DEFINITION_LIMITS.headerText).optional(),
});
const bodyComponent = z.looseObject({
  type: z.literal("BODY"),
  text: z.string().min(1).max(TEMPLATE_DEFINITION_LIMITS.bodyText).optional(),
});
const footerComponent = z.looseObject({
  type: z.literal("FOOTER"),
  text: z.string().min(1).max(TEMPLATE_DEFINITION_LIMITS.footerText).optional(),
});
const buttonsComponent = z.looseObject({
  type: z.literal("BUTTONS"),
  buttons: z
    .array(z.looseObject({ type: z.string().min(1) }))
    .min(1)
    .max(TEMPLATE_DEFINITION_LIMITS.buttons),
});

/** Media card carousel (marketing): the body above, then 2–10 cards of header, body and buttons. */
const carouselComponent = z.looseObject({
  type: z.literal("CAROUSEL"),
  cards: z
    .array(z.looseObject({ components: z.array(z.looseObject({ type: z.string().min(1) })).min(1) }))
    .min(1)
    .max(TEMPLATE_DEFINITION_LIMITS.cards),
});

export const templateDefinitionComponentSchema = z.discriminatedUnion("type", [
  headerComponent,
  bodyComponent,
  footerComponent,
  buttonsComponent,
  carouselComponent,
]);
export type TemplateDefinitionComponent = z.infer<typeof templateDefinitionComponentSchema>;

export const templateDefinitionSchema = z
  .strictObject({
    name: templateNameSchema,
    language: templateLanguageSchema,
    category: templateCategorySchema,
    components: z.array(templateDefinitionComponentSchema).min(1),
    /** POSITIONAL ({{1}}) is Meta's default; NAMED ({{first_name}}). */
    parameter_format: z.enum(["POSITIONAL", "NAMED"]).optional(),
    /** Let Meta re-categorise instead of rejecting a template whose category it disagrees with. */
    allow_category_change: z.boolean().optional(),
  })
  .superRefine((template, context) => {
    for (const type of ["HEADER", "BODY", "FOOTER", "BUTTONS", "CAROUSEL"] as const) {
      const count = template.components.filter((component) => component.type === type).length;
      if (count > 1) context.addIssue({ code: "custom", path: ["components"], message: `at most one ${type} component` });
      if (type === "BODY" && count === 0)
        context.addIssue({ code: "custom", path: ["components"], message: "a BODY component is required" });
    }
  });

export type TemplateDefinition = z.infer<typeof templateDefinitionSchema>;
