/**
 * An agent's reply: validated, written `pending`, handed to Meta, and its outcome recorded
 * (deliver.ts). Rules, in the order they are checked:
 *
 * 1. The conversation is the workspace's; the attachment, template, quoted and reacted-to
 *    messages are the workspace's and the conversation's (else NotFound / Invalid, nothing written).
 * 2. Idempotency: the composer makes one `idempotencyKey` per send. The key is unique per
 *    workspace in the schema, so of two identical requests — sequential or concurrent — exactly
 *    one INSERT wins and only the winner calls Meta; the other answers with the winner's message.
 *    A key reused for another conversation is a conflict.
 * 3. Free-form content (text, media, reactions) needs the 24-hour customer-service window (the
 *    later of the conversation's and the contact's last inbound message + 24 h): outside it,
 *    `errors.windowClosed`. Templates may go out any time…
 * 4. …except to a contact who opted out: then nothing but replies inside the window (the customer
 *    wrote to us within 24 hours, so a service answer, template or not, is expected). Outside the
 *    window an opted-out contact gets `errors.contactOptedOut`.
 * 5. The message and the conversation's activity (lastMessageAt, preview) are written in one
 *    transaction. A resolved conversation stays resolved: an agent's follow-up is not the
 *    customer asking again (their next message reopens it through the webhook), and reopening
 *    here could collide with a newer open conversation of the same contact.
 */
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { tenantDb } from "@/lib/db/tenant";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError, Conflict, Invalid, NotFound } from "@/lib/errors";
import { bumpConversation } from "@/lib/services/webhooks/inbound/conversation";
import { connectionForWorkspace } from "@/lib/services/whatsapp/connection-secrets";
import { deliver, type DeliveryOptions } from "./deliver";
import { getMessage, type TimelineMessage } from "./list-messages";
import { parseInput } from "./parse-input";
import { resolveContent } from "./resolve-content";
import { consumeSendAllowance } from "./send-allowance";
import { sendMessageInputSchema, type SendMessageInput } from "./send-input";
import { publishConversationUpdated, publishMessageCreated } from "./signals";
import { isWindowOpen, windowExpiresAt } from "./window";

/** The bubble a send shows: the message itself, or for a reaction the message reacted to. */
async function answer(ctx: WorkspaceContext, message: { id: string; type: string; replyToWamid: string | null }): Promise<TimelineMessage> {
  if (message.type !== "reaction") return getMessage(ctx, message.id);
  const target = message.replyToWamid
    ? await tenantDb(ctx).message.findFirst({ where: { workspaceId: ctx.workspaceId, wamid: message.replyToWamid }, select: { id: true } })
    : null;
  if (!target) throw NotFound("messageNotFound");
  return getMessage(ctx, target.id);
}

async function earlierSend(ctx: WorkspaceContext, conversationId: string, idempotencyKey: string) {
  const earlier = await tenantDb(ctx).message.findUnique({
    where: { workspaceId_idempotencyKey: { workspaceId: ctx.workspaceId, idempotencyKey } },
    select: { id: true, type: true, replyToWamid: true, conversationId: true },
  });
  if (earlier && earlier.conversationId !== conversationId) throw Conflict("idempotencyKeyReused");
  return earlier;
}

/** The recipient as Meta takes it: the WhatsApp id, else the phone number (digits). */
function recipientOf(contact: { waId: string | null; phone: string | null }): string {
  const to = (contact.waId ?? contact.phone ?? "").replace(/[^\d]/g, "");
  if (!to) throw Invalid("contactHasNoNumber");
  return to;
}

export async function sendMessage(ctx: WorkspaceContext, input: SendMessageInput, options: DeliveryOptions = {}): Promise<TimelineMessage> {
  authorize(ctx, "conversation:reply");
  const { conversationId, idempotencyKey, replyToMessageId, content } = parseInput(sendMessageInputSchema, input);

  const conversation = await tenantDb(ctx).conversation.findFirst({
    where: { id: conversationId, workspaceId: ctx.workspaceId },
    select: {
      id: true,
      contactId: true,
      lastInboundAt: true,
      contact: { select: { waId: true, phone: true, optedOutAt: true, lastInboundAt: true } },
    },
  });
  if (!conversation) throw NotFound("conversationNotFound");

  const repeat = await earlierSend(ctx, conversation.id, idempotencyKey);
  if (repeat) return answer(ctx, repeat);
  await consumeSendAllowance(ctx);

  const connection = await connectionForWorkspace(ctx.workspaceId);
  if (!connection) throw new AppError("invalid", "notConnected");
  const to = recipientOf(conversation.contact);
  const resolved = await resolveContent(ctx.workspaceId, conversation.id, content);

  const windowOpen = isWindowOpen(windowExpiresAt(conversation.lastInboundAt, conversation.contact.lastInboundAt));
  if (resolved.freeForm && !windowOpen) throw new AppError("conflict", "windowClosed");
  if (conversation.contact.optedOutAt && !windowOpen) throw new AppError("conflict", "contactOptedOut");

  let replyTo: { id: string; wamid: string } | null = null;
  if (replyToMessageId && resolved.type !== "reaction") {
    const quoted = await tenantDb(ctx).message.findFirst({
      where: { id: replyToMessageId, workspaceId: ctx.workspaceId, conversationId: conversation.id },
      select: { id: true, wamid: true },
    });
    if (!quoted) throw new AppError("not_found", "messageNotFound", { field: "replyToMessageId" });
    if (!quoted.wamid) throw Invalid("messageNotSent", { field: "replyToMessageId" });
    replyTo = { id: quoted.id, wamid: quoted.wamid };
  }

  const now = new Date();
  let message: { id: string; type: string; replyToWamid: string | null };
  try {
    message = await tenantDb(ctx).$transaction(async (tx) => {
      const created = await tx.message.create({
        data: {
          workspaceId: ctx.workspaceId,
          conversationId: conversation.id,
          contactId: conversation.contactId,
          connectionId: connection.id,
          direction: "outbound",
          type: resolved.type,
          content: resolved.stored,
          previewText: resolved.preview,
          status: "pending",
          authorId: ctx.userId,
          replyToId: replyTo?.id ?? null,
          replyToWamid: resolved.reactionTargetWamid ?? replyTo?.wamid ?? null,
          idempotencyKey,
          timestamp: now,
        },
        select: { id: true, type: true, replyToWamid: true },
      });
      if (resolved.mediaId) {
        // One attachment, one message: the conditional claim refuses a second use.
        const claimed = await tx.media.updateMany({
          where: { id: resolved.mediaId, workspaceId: ctx.workspaceId, messageId: null },
          data: { messageId: created.id },
        });
        if (claimed.count !== 1) throw new AppError("conflict", "attachmentAlreadySent", { field: "file" });
      }
      if (resolved.type !== "reaction") {
        await bumpConversation(tx, conversation.id, { at: now, preview: resolved.preview, unread: false, inbound: false });
      }
      return created;
    });
  } catch (error) {
    // The unique index decided: another request with this key won. Answer with its message.
    if (isUniqueViolation(error)) {
      const winner = await earlierSend(ctx, conversation.id, idempotencyKey);
      if (winner) return answer(ctx, winner);
    }
    throw error;
  }

  await publishMessageCreated(ctx.workspaceId, conversation.id, message.id);
  if (resolved.type !== "reaction") await publishConversationUpdated(ctx.workspaceId, conversation.id, ["activity"]);

  await deliver(
    {
      message: { id: message.id, workspaceId: ctx.workspaceId, conversationId: conversation.id },
      connection,
      to,
      outbound: resolved.outbound,
      replyToWamid: replyTo?.wamid ?? null,
    },
    options,
  );
  return answer(ctx, message);
}
