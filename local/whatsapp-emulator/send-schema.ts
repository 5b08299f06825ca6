/**
 * Shapes of POST /{phone-number-id}/messages bodies, per message type, as zod schemas; and the
 * translation of zod issues into Meta's `error_data.details` wording ("Param text['body'] …").
 */
import { z } from "zod";

export const MESSAGE_TYPES = [
  "text",
  "image",
  "video",
  "audio",
  "document",
  "sticker",
  "location",
  "contacts",
  "interactive",
  "template",
  "reaction",
] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];
export const MEDIA_TYPES = ["image", "video", "audio", "document", "sticker"] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

const text = (max: number) => z.string().min(1).max(max);
const coordinate = (limit: number) =>
  z
    .union([
      z.number(),
      z
        .string()
        .regex(/^-?\d+(\.\d+)?$/)
        .transform(Number),
    ])
    .pipe(z.number().min(-limit).max(limit));

export const mediaSchema = z
  .object({
    id: z.string().min(1).optional(),
    link: z.string().min(1).optional(),
    caption: z.string().max(1024).optional(),
    filename: z.string().max(240).optional(),
  })
  .loose()
  .superRefine((media, ctx) => {
    if (media.id === undefined && media.link === undefined)
      ctx.addIssue({ code: "custom", message: "Either {id} or {link} is required", path: [] });
    if (media.id !== undefined && media.link !== undefined)
      ctx.addIssue({ code: "custom", message: "Only one of {id} or {link} is allowed", path: [] });
  });

const textSchema = z.object({ body: text(4096), preview_url: z.boolean().optional() }).loose();

const locationSchema = z
  .object({
    latitude: coordinate(90),
    longitude: coordinate(180),
    name: z.string().max(1000).optional(),
    address: z.string().max(1000).optional(),
  })
  .loose();

const contactSchema = z
  .object({
    name: z.object({ formatted_name: text(1000) }).loose(),
    phones: z
      .array(z.object({ phone: z.string().optional(), wa_id: z.string().optional(), type: z.string().optional() }).loose())
      .optional(),
    emails: z.array(z.object({ email: z.string().optional(), type: z.string().optional() }).loose()).optional(),
  })
  .loose();
const contactsSchema = z.array(contactSchema).min(1).max(257);

const reactionSchema = z.object({ message_id: z.string().min(1), emoji: z.string().max(16) }).loose();

const interactiveHeader = z.union([
  z.object({ type: z.literal("text"), text: text(60) }).loose(),
  z.object({ type: z.literal("image"), image: mediaSchema }).loose(),
  z.object({ type: z.literal("video"), video: mediaSchema }).loose(),
  z.object({ type: z.literal("document"), document: mediaSchema }).loose(),
]);
const footer = z.object({ text: text(60) }).loose();

const buttonInteractive = z
  .object({
    type: z.literal("button"),
    header: interactiveHeader.optional(),
    body: z.object({ text: text(1024) }).loose(),
    footer: footer.optional(),
    action: z
      .object({
        buttons: z
          .array(z.object({ type: z.literal("reply"), reply: z.object({ id: text(256), title: text(20) }).loose() }).loose())
          .min(1)
          .max(3),
      })
      .loose(),
  })
  .loose()
  .superRefine((interactive, ctx) => {
    const ids = interactive.action.buttons.map((button) => button.reply.id);
    const titles = interactive.action.buttons.map((button) => button.reply.title);
    if (new Set(ids).size !== ids.length)
      ctx.addIssue({ code: "custom", message: "Button IDs must be unique", path: ["action", "buttons"] });
    if (new Set(titles).size !== titles.length)
      ctx.addIssue({ code: "custom", message: "Button titles must be unique", path: ["action", "buttons"] });
  });

const listInteractive = z
  .object({
    type: z.literal("list"),
    header: z
      .object({ type: z.literal("text"), text: text(60) })
      .loose()
      .optional(),
    body: z.object({ text: text(4096) }).loose(),
    footer: footer.optional(),
    action: z
      .object({
        button: text(20),
        sections: z
          .array(
            z
              .object({
                title: z.string().max(24).optional(),
                rows: z
                  .array(z.object({ id: text(200), title: text(24), description: z.string().max(72).optional() }).loose())
                  .min(1)
                  .max(10),
              })
              .loose(),
          )
          .min(1)
          .max(10),
      })
      .loose(),
  })
  .loose()
  .superRefine((interactive, ctx) => {
    const rows = interactive.action.sections.flatMap((section) => section.rows);
    if (rows.length > 10)
      ctx.addIssue({ code: "custom", message: "Total row count exceed max allowed count: 10", path: ["action", "sections"] });
    if (new Set(rows.map((row) => row.id)).size !== rows.length)
      ctx.addIssue({ code: "custom", message: "Row IDs must be unique", path: ["action", "sections"] });
    if (interactive.action.sections.length > 1) {
      interactive.action.sections.forEach((section, index) => {
        if (!section.title)
          ctx.addIssue({
            code: "custom",
            message: "Section title is required when there is more than one section",
            path: ["action", "sections", index, "title"],
          });
      });
    }
  });

const ctaUrlInteractive = z
  .object({
    type: z.literal("cta_url"),
    header: interactiveHeader.optional(),
    body: z
      .object({ text: text(1024) })
      .loose()
      .optional(),
    footer: footer.optional(),
    action: z.object({ name: z.literal("cta_url"), parameters: z.object({ display_text: text(20), url: z.url() }).loose() }).loose(),
  })
  .loose();

const locationRequestInteractive = z
  .object({
    type: z.literal("location_request_message"),
    body: z.object({ text: text(1024) }).loose(),
    action: z.object({ name: z.literal("send_location") }).loose(),
  })
  .loose();

/** Interactive kinds the emulator accepts without checking their inner shape (flows, catalogs, …). */
const looseInteractive = z
  .object({
    type: z.enum(["flow", "product", "product_list", "catalog_message", "address_message", "call_permission_request"]),
    action: z.object({}).loose(),
  })
  .loose();

export const INTERACTIVE_TYPES = [
  "button",
  "list",
  "cta_url",
  "location_request_message",
  "flow",
  "product",
  "product_list",
  "catalog_message",
  "address_message",
  "call_permission_request",
] as const;

export function interactiveSchema(type: string): z.ZodType {
  switch (type) {
    case "button":
      return buttonInteractive;
    case "list":
      return listInteractive;
    case "cta_url":
      return ctaUrlInteractive;
    case "location_request_message":
      return locationRequestInteractive;
    default:
      return looseInteractive;
  }
}

const templateParameter = z.object({ type: z.string().min(1) }).loose();
const templateComponent = z
  .object({
    type: z
      .string()
      .transform((value) => value.toLowerCase())
      .pipe(z.enum(["header", "body", "button", "footer", "carousel", "limited_time_offer"])),
    sub_type: z.string().optional(),
    index: z.union([z.string().regex(/^\d+$/), z.number().int().min(0)]).optional(),
    parameters: z.array(templateParameter).optional(),
  })
  .loose()
  .superRefine((component, ctx) => {
    if (component.type === "button" && (component.sub_type === undefined || component.index === undefined)) {
      ctx.addIssue({ code: "custom", message: "Button components need sub_type and index", path: [] });
    }
  });

export const templateSchema = z
  .object({
    name: z.string().min(1).max(512),
    language: z.object({ code: z.string().min(1), policy: z.literal("deterministic").optional() }).loose(),
    components: z.array(templateComponent).optional(),
  })
  .loose();

export function typeSchema(type: Exclude<MessageType, "interactive">): z.ZodType {
  switch (type) {
    case "text":
      return textSchema;
    case "location":
      return locationSchema;
    case "contacts":
      return contactsSchema;
    case "reaction":
      return reactionSchema;
    case "template":
      return templateSchema;
    default:
      return mediaSchema;
  }
}

/** text['body'], interactive['action']['buttons'][0]['reply']['title'] … */
export function paramPath(path: readonly PropertyKey[]): string {
  return path.map((key, index) => (index === 0 ? String(key) : typeof key === "number" ? `[${key}]` : `['${String(key)}']`)).join("");
}

/** The details of Meta's error for the first zod issue, at `root` (e.g. ["text"]). */
export function issueDetails(issue: z.core.$ZodIssue, root: PropertyKey[]): string {
  const param = paramPath([...root, ...issue.path]);
  const missing = (issue as { input?: unknown }).input === undefined;
  if (missing && (issue.code === "invalid_type" || issue.code === "invalid_union")) return `The parameter ${param} is required.`;
  switch (issue.code) {
    case "invalid_type":
      return `Param ${param} must be ${/^[aeiou]/.test(issue.expected) ? "an" : "a"} ${issue.expected}.`;
    case "too_big":
      return issue.origin === "array"
        ? `Param ${param} must have at most ${String(issue.maximum)} items.`
        : issue.origin === "string"
          ? `Param ${param} must be at most ${String(issue.maximum)} characters long.`
          : `Param ${param} must be at most ${String(issue.maximum)}.`;
    case "too_small":
      return issue.origin === "array"
        ? `Param ${param} must have at least ${String(issue.minimum)} items.`
        : issue.origin === "string"
          ? Number(issue.minimum) <= 1
            ? `Param ${param} is required and must not be empty.`
            : `Param ${param} must be at least ${String(issue.minimum)} characters long.`
          : `Param ${param} must be at least ${String(issue.minimum)}.`;
    case "invalid_value":
      return `Param ${param} must be one of {${issue.values.map(String).join(", ")}}.`;
    case "invalid_format":
      return `Param ${param} is not a valid ${issue.format === "url" ? "URL" : issue.format}.`;
    case "custom":
      return issue.path.length ? `${issue.message} (${param}).` : `${issue.message} in ${param}.`;
    default:
      return `Param ${param} is invalid.`;
  }
}
