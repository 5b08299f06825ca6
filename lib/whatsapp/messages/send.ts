/** POST /{phone-number-id}/messages: sends and read receipts. */
import type { CallOptions } from "../call-options";
import { sendResponseSchema, successSchema } from "../responses";
import { graphPath, type GraphTransport } from "../transport";
import { buildMessagePayload, buildReadReceiptPayload, type OutboundContent, type ReadReceiptOptions, type SendOptions } from "./outbound";

/** `message_status` of a send: Meta may add values, so any string passes. */
export type MessageStatus = "accepted" | "held_for_quality_assessment" | "paused" | (string & {});

export interface SendResult {
  /** The message id (wamid.…) its status webhooks will carry. */
  wamid: string;
  /** The recipient's WhatsApp id as Meta resolved it; null if Meta left it out. */
  waId: string | null;
  /**
   * "accepted" unless Meta says otherwise. Templates under pacing come back
   * "held_for_quality_assessment" (sent or dropped later) or "paused": neither means delivered.
   */
  messageStatus: MessageStatus;
}

export async function sendMessage(
  transport: GraphTransport,
  phoneNumberId: string,
  to: string,
  content: OutboundContent,
  options: SendOptions & CallOptions = {},
): Promise<SendResult> {
  const payload = buildMessagePayload(to, content, { replyTo: options.replyTo, bizOpaqueCallbackData: options.bizOpaqueCallbackData });
  const response = await transport.call({
    operation: `POST /messages (${payload.type})`,
    method: "POST",
    path: graphPath(phoneNumberId, "messages"),
    json: payload,
    schema: sendResponseSchema,
    signal: options.signal,
    timeoutMs: options.timeoutMs,
  });
  // The schema guarantees one message; a send addresses exactly one recipient.
  const message = response.messages[0]!;
  return {
    wamid: message.id,
    waId: response.contacts?.[0]?.wa_id ?? null,
    messageStatus: message.message_status ?? "accepted",
  };
}

export async function markAsRead(
  transport: GraphTransport,
  phoneNumberId: string,
  messageId: string,
  options: ReadReceiptOptions & CallOptions = {},
): Promise<void> {
  const payload = buildReadReceiptPayload(messageId, { typingIndicator: options.typingIndicator });
  await transport.call({
    operation: "POST /messages (read)",
    method: "POST",
    path: graphPath(phoneNumberId, "messages"),
    json: payload,
    schema: successSchema,
    signal: options.signal,
    timeoutMs: options.timeoutMs,
  });
}
