/**
 * The one confirmation a customer gets after opting out by keyword ("You will no longer receive
 * marketing messages… reply START to subscribe again"), run as a background task
 * (trigger/consent-reply.ts) once the webhook's transaction committed. Free-form, so only inside
 * the 24-hour window the keyword itself opened; never twice for one keyword message (the reply's
 * idempotency key is the keyword message's id, unique per workspace, so a retried or repeated run
 * finds it already written and sends nothing); nothing when the customer opted back in meanwhile.
 */
import { z } from "zod";
import { tenantDb } from "@/lib/db/tenant";
import { bumpConversation } from "@/lib/services/webhooks/inbound/conversation";
import { connectionById, connectionForWorkspace } from "@/lib/services/whatsapp/connection-secrets";
import { deliver } from "@/lib/services/inbox/deliver";
import { publishMessageCreated } from "@/lib/services/inbox/signals";
import { isWindowOpen, windowExpiresAt } from "@/lib/services/inbox/window";

export const consentReplyPayload = z.object({ workspaceId: z.string().min(1), messageId: z.string().min(1) });
export type ConsentReplyPayload = z.infer<typeof consentReplyPayload>;

export type ConsentReplyResult = "sent" | "failed" | "already_sent" | "opted_in_again" | "window_closed" | "no_message" | "no_connection";

/** The confirmation's text, in the workspace's language (Indonesian for Indonesia, else English). */
export function optOutConfirmationText(workspace: { defaultCountry: string; optInKeywords: string[] }): string {
  const start = workspace.optInKeywords[0] ?? "START";
  return workspace.defaultCountry === "ID"
    ? `Anda tidak akan menerima pesan promosi dari kami lagi. Balas ${start} untuk berlangganan kembali.`
    : `You will no longer receive marketing messages from us. Reply ${start} to subscribe again.`;
}

export async function sendOptOutConfirmation(payload: ConsentReplyPayload, now = new Date()): Promise<ConsentReplyResult> {
  const { workspaceId, messageId } = payload;
  const db = tenantDb({ workspaceId });
  const keyword = await db.message.findFirst({
    where: { id: messageId, workspaceId, direction: "inbound" },
    select: { conversationId: true, contactId: true, connectionId: true, timestamp: true, contact: { select: { waId: true, phone: true, optedOutAt: true, lastInboundAt: true } } },
  });
  if (!keyword) return "no_message";
  if (!keyword.contact.optedOutAt) return "opted_in_again";
  if (!isWindowOpen(windowExpiresAt(keyword.contact.lastInboundAt, keyword.timestamp), now)) return "window_closed";
  const connection = keyword.connectionId ? await connectionById(workspaceId, keyword.connectionId) : await connectionForWorkspace(workspaceId);
  if (!connection) return "no_connection";
  const to = (keyword.contact.waId ?? keyword.contact.phone ?? "").replace(/\D/g, "");
  if (!to) return "no_message";

  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { defaultCountry: true, optInKeywords: true } });
  const body = optOutConfirmationText(workspace);
  const reply = await db.$transaction(async (tx) => {
    const [created] = await tx.message.createManyAndReturn({
      data: [
        {
          workspaceId,
          conversationId: keyword.conversationId,
          contactId: keyword.contactId,
          connectionId: connection.id,
          direction: "outbound",
          type: "text",
          content: { body },
          previewText: body,
          status: "pending",
          idempotencyKey: `consent-reply:${messageId}`,
          timestamp: now,
        },
      ],
      skipDuplicates: true,
      select: { id: true },
    });
    if (created) await bumpConversation(tx, keyword.conversationId, { at: now, preview: body, unread: false, inbound: false });
    return created ?? null;
  });
  if (!reply) return "already_sent";
  await publishMessageCreated(workspaceId, keyword.conversationId, reply.id);
  const status = await deliver({ message: { id: reply.id, workspaceId, conversationId: keyword.conversationId }, connection, to, outbound: { type: "text", text: { body } }, replyToWamid: null });
  return status === "failed" ? "failed" : "sent";
}
