/** Canned replies' inputs: a shortcut typed after "/" in the composer, a title, and the text. */
import { z } from "zod";

export const CANNED_REPLY_LIMITS = { shortcut: 32, title: 100, body: 4096 } as const;

export const cannedReplyFieldsSchema = z.object({
  /** Lower-case letters, digits, - and _: what an agent types after "/". Stored lower-cased. */
  shortcut: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "shortcutRequired")
    .max(CANNED_REPLY_LIMITS.shortcut, "shortcutTooLong")
    .regex(/^[a-z0-9_-]+$/, "shortcutFormat"),
  title: z.string().trim().min(1, "titleRequired").max(CANNED_REPLY_LIMITS.title, "titleTooLong"),
  body: z.string().trim().min(1, "bodyRequired").max(CANNED_REPLY_LIMITS.body, "bodyTooLong"),
});

export const cannedReplyIdSchema = z.string().trim().min(1).max(64);

export type CannedReplyFields = z.input<typeof cannedReplyFieldsSchema>;
