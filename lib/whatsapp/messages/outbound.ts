/**
 * Everything the client can send to one recipient, and the envelope around it. The inbox and
 * campaigns build an `OutboundContent` (Meta's own field names) and hand it to
 * `client.sendMessage(to, content, options)`; `buildMessagePayload` is the one place that turns
 * it into the request body, validated before anything is sent.
 */
import { z } from "zod";
import { validateRequest } from "../validate";
import { MESSAGE_LIMITS, messageIdSchema, recipientSchema, utf8Length } from "./common";
import {
  audioContentSchema,
  contactsContentSchema,
  documentContentSchema,
  imageContentSchema,
  locationContentSchema,
  reactionContentSchema,
  stickerContentSchema,
  textContentSchema,
  videoContentSchema,
} from "./content";
import { interactiveContentSchema } from "./interactive";
import { templateContentSchema } from "./template";

export const outboundContentSchema = z.discriminatedUnion("type", [
  textContentSchema,
  imageContentSchema,
  videoContentSchema,
  audioContentSchema,
  documentContentSchema,
  stickerContentSchema,
  locationContentSchema,
  contactsContentSchema,
  interactiveContentSchema,
  templateContentSchema,
  reactionContentSchema,
]);

export type OutboundContent = z.infer<typeof outboundContentSchema>;
export type OutboundMessageType = OutboundContent["type"];
/** The content of one kind, e.g. `OutboundContentOf<"image">` is `{ type: "image"; image: … }`. */
export type OutboundContentOf<T extends OutboundMessageType> = Extract<OutboundContent, { type: T }>;

export interface SendOptions {
  /** Quote an earlier message (`context.message_id`): works for any message type. */
  replyTo?: string;
  /** Echoed in this message's status webhooks (≤ 512 bytes): ties a status to, say, a campaign recipient. */
  bizOpaqueCallbackData?: string;
}

const sendOptionsSchema = z.strictObject({
  replyTo: messageIdSchema.optional(),
  bizOpaqueCallbackData: z
    .string()
    .min(1)
    .refine((value) => utf8Length(value) <= MESSAGE_LIMITS.callbackDataBytes, `at most ${MESSAGE_LIMITS.callbackDataBytes} bytes`)
    .optional(),
});

export interface MessageEnvelope {
  messaging_product: "whatsapp";
  recipient_type: "individual";
  to: string;
  context?: { message_id: string };
  biz_opaque_callback_data?: string;
}

/** The JSON body of `POST /{phone-number-id}/messages`. */
export type MessagePayload<C extends OutboundContent = OutboundContent> = MessageEnvelope & C;

export function buildMessagePayload<C extends OutboundContent>(to: string, content: C, options: SendOptions = {}): MessagePayload<C> {
  const operation = `send ${typeof content === "object" && content !== null ? String(content.type) : "message"}`;
  const input = validateRequest(
    operation,
    z.strictObject({ to: recipientSchema, content: outboundContentSchema, options: sendOptionsSchema }),
    { to, content, options },
  );
  return {
    messaging_product: "whatsapp",
    recipient_type: "individual",
    to: input.to,
    ...(input.options.replyTo === undefined ? {} : { context: { message_id: input.options.replyTo } }),
    ...(input.options.bizOpaqueCallbackData === undefined ? {} : { biz_opaque_callback_data: input.options.bizOpaqueCallbackData }),
    // The parsed content equals `content` (no schema transforms), so it keeps the caller's type.
    ...(input.content as C),
  };
}

export interface ReadReceiptOptions {
  /** Also show "typing…" to the user (dismissed when we reply, or after ~25 s). */
  typingIndicator?: boolean;
}

export interface ReadReceiptPayload {
  messaging_product: "whatsapp";
  status: "read";
  message_id: string;
  typing_indicator?: { type: "text" };
}

export function buildReadReceiptPayload(messageId: string, options: ReadReceiptOptions = {}): ReadReceiptPayload {
  const input = validateRequest("mark as read", z.strictObject({ messageId: messageIdSchema, typingIndicator: z.boolean().optional() }), {
    messageId,
    typingIndicator: options.typingIndicator,
  });
  return {
    messaging_product: "whatsapp",
    status: "read",
    message_id: input.messageId,
    ...(input.typingIndicator ? { typing_indicator: { type: "text" as const } } : {}),
  };
}
