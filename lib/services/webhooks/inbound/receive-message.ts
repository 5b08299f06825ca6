/**
 * One inbound message into the inbox, inside the event's transaction: the contact (upserted, with
 * its profile name), its open conversation, the Message (direction inbound, status received),
 * the Media reference for a media message (bytes are fetched later by the media step, which works
 * from Media rows with status `pending`), then the conversation's and contact's counters, the
 * campaign it may reply to (lib/services/campaigns/attribution/reply.ts) — and,
 * for a message from a click-to-WhatsApp ad, their set-once `referral` in those same statements.
 *
 * A wamid already stored changes nothing (Meta redelivers): the check is both a read up front and
 * the unique index on Message.wamid (INSERT … ON CONFLICT DO NOTHING) for a concurrent twin.
 */
import type { Prisma } from "@/lib/db";
import { attributeReply } from "@/lib/services/campaigns/attribution/reply";
import { applyInboundConsent } from "@/lib/services/contacts/consent";
import type { InboundMessage } from "@/lib/whatsapp/webhook/inbound-message";
import type { EventWork } from "../outcome";
import type { NumberRoute } from "../routing";
import { changeIdentity, touchContactInbound, upsertContact } from "./contact";
import { bumpConversation, openConversation } from "./conversation";
import type { SenderProfile } from "./profiles";

export async function receiveMessage(
  tx: Prisma.TransactionClient,
  route: NumberRoute,
  message: InboundMessage,
  profile: SenderProfile | null,
  work: EventWork,
  receivedAt: Date,
): Promise<void> {
  const { workspaceId, connectionId } = route;
  if (await tx.message.findUnique({ where: { wamid: message.wamid }, select: { id: true } })) {
    work.duplicates += 1;
    return;
  }

  const waId = message.from ?? profile?.waId ?? null;
  const userId = message.fromUserId ?? profile?.userId ?? null;
  if (!waId && !userId) {
    work.note(`message ${message.wamid}: no sender (neither from nor from_user_id): skipped`);
    return;
  }

  const contact = await upsertContact(tx, workspaceId, { waId, userId, profileName: profile?.name ?? null });
  if (message.identityChange && !(await changeIdentity(tx, workspaceId, contact.id, message.identityChange))) {
    work.note(`message ${message.wamid}: identity change not applied, another contact holds the new id`);
  }
  const conversationId = await openConversation(tx, workspaceId, contact.id, connectionId);
  const replyTo = message.replyToWamid
    ? await tx.message.findFirst({ where: { workspaceId, wamid: message.replyToWamid }, select: { id: true } })
    : null;
  const timestamp = message.timestamp ?? receivedAt;
  const firstError = message.errors[0];

  const [created] = await tx.message.createManyAndReturn({
    data: [
      {
        workspaceId,
        conversationId,
        contactId: contact.id,
        connectionId,
        direction: "inbound",
        type: message.type,
        content: message.content as Prisma.InputJsonObject,
        previewText: message.previewText,
        wamid: message.wamid,
        status: "received",
        replyToWamid: message.replyToWamid,
        replyToId: replyTo?.id ?? null,
        errorCode: firstError?.code ?? null,
        errorTitle: firstError?.title ?? null,
        errorDetails: firstError?.details ?? firstError?.message ?? null,
        timestamp,
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  if (!created) {
    work.duplicates += 1;
    return;
  }

  if (message.media) {
    const media = await tx.media.create({
      data: {
        workspaceId,
        messageId: created.id,
        metaMediaId: message.media.metaMediaId,
        mimeType: message.media.mimeType ?? "application/octet-stream",
        sha256: message.media.sha256,
        filename: message.media.filename,
        status: "pending",
      },
      select: { id: true },
    });
    work.mediaIds.push(media.id);
  }

  // A system notice (number changed) is history, not the customer writing: no unread, no window.
  const fromCustomer = message.type !== "system";
  const removedReaction = message.reaction !== null && message.reaction.emoji === "";
  // A click-to-WhatsApp referral rides on these two statements (no extra round trip); set once each.
  const referral = fromCustomer ? message.referral : null;
  await bumpConversation(tx, conversationId, {
    at: timestamp,
    preview: message.previewText,
    unread: fromCustomer && !removedReaction,
    inbound: fromCustomer,
    referral,
  });
  if (fromCustomer) await touchContactInbound(tx, contact.id, timestamp, referral);
  // A reply to a campaign sent to this contact within its reply window (one index probe).
  if (fromCustomer && !removedReaction) {
    const reply = await attributeReply(tx, { workspaceId, contactId: contact.id, messageId: created.id, at: timestamp });
    if (reply) work.campaigns.add({ workspaceId, campaignId: reply.campaignId }, { replied: reply.first ? 1 : 0 });
  }
  if (message.type === "text" && message.previewText) {
    const change = await applyInboundConsent(tx, { workspaceId, contactId: contact.id, messageId: created.id, text: message.previewText, at: timestamp });
    if (change) work.consent.push(change);
  }

  work.inserted.push({ workspaceId, conversationId, contactId: contact.id, messageId: created.id, wamid: message.wamid });
}
