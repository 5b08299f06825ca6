/**
 * Interactive messages: reply buttons (up to 3) and lists (up to 10 rows). Limits are Meta's
 * (interactive reply-button and list message references; OpenAPI InteractiveObject).
 */
import { z } from "zod";
import { captionedMediaSchema, documentMediaSchema } from "./common";

export const INTERACTIVE_LIMITS = {
  buttonsBody: 1024,
  listBody: 4096,
  headerText: 60,
  footer: 60,
  buttons: 3,
  buttonId: 256,
  buttonTitle: 20,
  listButton: 20,
  sections: 10,
  rows: 10,
  sectionTitle: 24,
  rowId: 200,
  rowTitle: 24,
  rowDescription: 72,
} as const;

const nonBlank = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => value.trim().length > 0, "must not be blank");

// Media headers carry no caption: the body is the text.
const headerImage = captionedMediaSchema.refine((media) => media.caption === undefined, "header media take no caption");
const headerDocument = documentMediaSchema.refine((media) => media.caption === undefined, "header media take no caption");

const textHeader = z.strictObject({ type: z.literal("text"), text: nonBlank(INTERACTIVE_LIMITS.headerText) });
const buttonsHeaderSchema = z.discriminatedUnion("type", [
  textHeader,
  z.strictObject({ type: z.literal("image"), image: headerImage }),
  z.strictObject({ type: z.literal("video"), video: headerImage }),
  z.strictObject({ type: z.literal("document"), document: headerDocument }),
]);

const footerSchema = z.strictObject({ text: nonBlank(INTERACTIVE_LIMITS.footer) });

const replyButtonSchema = z.strictObject({
  type: z.literal("reply"),
  reply: z.strictObject({
    id: z
      .string()
      .min(1)
      .max(INTERACTIVE_LIMITS.buttonId)
      .refine((id) => id === id.trim(), "no leading or trailing spaces"),
    title: nonBlank(INTERACTIVE_LIMITS.buttonTitle),
  }),
});

export const buttonsInteractiveSchema = z
  .strictObject({
    type: z.literal("button"),
    header: buttonsHeaderSchema.optional(),
    body: z.strictObject({ text: nonBlank(INTERACTIVE_LIMITS.buttonsBody) }),
    footer: footerSchema.optional(),
    action: z.strictObject({ buttons: z.array(replyButtonSchema).min(1).max(INTERACTIVE_LIMITS.buttons) }),
  })
  .superRefine((message, context) => {
    // Meta refuses duplicate ids or titles among one message's buttons.
    const buttons = message.action.buttons;
    buttons.forEach((button, index) => {
      if (buttons.findIndex((other) => other.reply.id === button.reply.id) !== index) {
        context.addIssue({ code: "custom", path: ["action", "buttons", index, "reply", "id"], message: "button ids must be unique" });
      }
      if (buttons.findIndex((other) => other.reply.title === button.reply.title) !== index) {
        context.addIssue({ code: "custom", path: ["action", "buttons", index, "reply", "title"], message: "button titles must be unique" });
      }
    });
  });

const rowSchema = z.strictObject({
  id: z.string().min(1).max(INTERACTIVE_LIMITS.rowId),
  title: nonBlank(INTERACTIVE_LIMITS.rowTitle),
  description: z.string().max(INTERACTIVE_LIMITS.rowDescription).optional(),
});

const sectionSchema = z.strictObject({
  title: nonBlank(INTERACTIVE_LIMITS.sectionTitle).optional(),
  rows: z.array(rowSchema).min(1).max(INTERACTIVE_LIMITS.rows),
});

export const listInteractiveSchema = z
  .strictObject({
    type: z.literal("list"),
    // Lists only take a text header.
    header: textHeader.optional(),
    body: z.strictObject({ text: nonBlank(INTERACTIVE_LIMITS.listBody) }),
    footer: footerSchema.optional(),
    action: z.strictObject({
      /** The label of the button that opens the list. */
      button: nonBlank(INTERACTIVE_LIMITS.listButton),
      sections: z.array(sectionSchema).min(1).max(INTERACTIVE_LIMITS.sections),
    }),
  })
  .superRefine((message, context) => {
    const sections = message.action.sections;
    const rows = sections.flatMap((section) => section.rows);
    if (rows.length > INTERACTIVE_LIMITS.rows) {
      context.addIssue({
        code: "custom",
        path: ["action", "sections"],
        message: `at most ${INTERACTIVE_LIMITS.rows} rows across all sections`,
      });
    }
    const seen = new Set<string>();
    sections.forEach((section, sectionIndex) => {
      if (sections.length > 1 && section.title === undefined) {
        context.addIssue({
          code: "custom",
          path: ["action", "sections", sectionIndex, "title"],
          message: "required when there is more than one section",
        });
      }
      section.rows.forEach((row, rowIndex) => {
        if (seen.has(row.id)) {
          context.addIssue({
            code: "custom",
            path: ["action", "sections", sectionIndex, "rows", rowIndex, "id"],
            message: "row ids must be unique",
          });
        }
        seen.add(row.id);
      });
    });
  });

export const interactiveContentSchema = z.strictObject({
  type: z.literal("interactive"),
  interactive: z.discriminatedUnion("type", [buttonsInteractiveSchema, listInteractiveSchema]),
});

export type ButtonsInteractive = z.infer<typeof buttonsInteractiveSchema>;
export type ListInteractive = z.infer<typeof listInteractiveSchema>;
