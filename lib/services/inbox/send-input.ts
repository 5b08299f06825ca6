/**
 * What `sendMessage` takes, as zod schemas: the server action parses the browser's input with
 * them, and the service parses again (a service is also called by the API and tests), so a bad
 * input is refused before anything is written or sent.
 */
import { z } from "zod";

const id = z.string().trim().min(1).max(64);
const nonBlank = (max: number) =>
  z
    .string()
    .max(max, "messageTooLong")
    .refine((value) => value.trim().length > 0, "messageRequired");

/** Meta's limits (lib/whatsapp/messages/common.ts). */
export const SEND_LIMITS = { textBody: 4096, caption: 1024, filename: 240, reactionEmoji: 32, variable: 1024 } as const;

export const sendContentSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("text"), body: nonBlank(SEND_LIMITS.textBody), previewUrl: z.boolean().optional() }),
  z.strictObject({
    type: z.literal("media"),
    /** `mediaUploadId` from uploadAttachment. */
    mediaUploadId: id,
    /** Images, videos and documents only (Meta refuses a caption on audio and stickers). */
    caption: nonBlank(SEND_LIMITS.caption).optional(),
    /** Documents only: the name the customer sees (default: the uploaded file's name). */
    filename: nonBlank(SEND_LIMITS.filename).optional(),
  }),
  z.strictObject({
    type: z.literal("template"),
    templateId: id,
    /** By the keys listSendableTemplates gives ("body.1", "header.media", "button.0"…). */
    variables: z.record(z.string().max(64), nonBlank(SEND_LIMITS.variable)).default({}),
  }),
  z.strictObject({
    type: z.literal("reaction"),
    /** Our id of the message reacted to. */
    messageId: id,
    /** An emoji; "" removes the business's earlier reaction. */
    emoji: z.string().max(SEND_LIMITS.reactionEmoji),
  }),
]);

export const sendMessageInputSchema = z.strictObject({
  conversationId: id,
  /** One per send attempt made by the composer (a UUID): a repeat returns the first send's message. */
  idempotencyKey: z.string().trim().min(8).max(100),
  replyToMessageId: id.optional(),
  content: sendContentSchema,
});

export type SendContent = z.infer<typeof sendContentSchema>;
export type SendMessageInput = z.input<typeof sendMessageInputSchema>;
