/**
 * The contact's one open conversation (unique on (contactId, isOpen)), opened when there is none,
 * and its counters moved by a new inbound message. Creation is INSERT … ON CONFLICT DO NOTHING and
 * a re-read, so concurrent deliveries for one contact share one conversation.
 */
import { Prisma } from "@/lib/db";
import type { Referral } from "@/lib/whatsapp/webhook/referral";
import { shorten } from "@/lib/whatsapp/webhook/preview";
import { SQL_NOW_UTC, sqlName, sqlTimestamp } from "../sql";

export const LIST_PREVIEW_MAX_CHARS = 160;

export async function openConversation(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  contactId: string,
  connectionId: string,
): Promise<string> {
  const where = { contactId, isOpen: true } as const;
  const open = await tx.conversation.findFirst({ where, select: { id: true } });
  if (open) return open.id;
  await tx.conversation.createMany({
    data: [{ workspaceId, contactId, connectionId, status: "open", isOpen: true }],
    skipDuplicates: true,
  });
  const created = await tx.conversation.findFirst({ where, select: { id: true } });
  if (!created) throw new Error("conversation neither created nor found");
  return created.id;
}

/**
 * Counts a new inbound message into its conversation. Messages may arrive out of order: the
 * preview and lastMessageAt follow the newest message by Meta's timestamp, never an older one.
 *
 * A message's click-to-WhatsApp `referral` becomes the conversation's, in the same statement, when
 * the conversation has none yet: the ad that started it, or the first one seen in it. Meta sends
 * the referral on the first message a customer writes after tapping the ad, so a conversation
 * opened by that tap gets it with its first message. A second tap while the conversation is still
 * open does not replace it: that conversation was already under way (agents answering, the
 * window open), so what brought it in is still the first ad; the later click stays on its message
 * (`content.referral`), and the next conversation (after this one is resolved) gets its own.
 */
export async function bumpConversation(
  // Raw SQL only: the webhook pipeline's transaction or a tenant one (sendMessage) both serve.
  tx: Pick<Prisma.TransactionClient, "$executeRaw">,
  conversationId: string,
  message: { at: Date; preview: string | null; unread: boolean; inbound: boolean; referral?: Referral | null },
): Promise<void> {
  const at = sqlTimestamp(message.at);
  const preview = message.preview ? shorten(message.preview, LIST_PREVIEW_MAX_CHARS) : null;
  const referral = message.referral
    ? Prisma.sql`
      "referral" = COALESCE("referral", ${JSON.stringify(message.referral)}::jsonb),`
    : Prisma.empty;
  await tx.$executeRaw`
    UPDATE ${sqlName("Conversation")} SET
      "unreadCount" = "unreadCount" + ${message.unread ? 1 : 0},
      "lastMessagePreview" = CASE WHEN "lastMessageAt" IS NULL OR "lastMessageAt" <= ${at}
                                  THEN COALESCE(${preview}, "lastMessagePreview") ELSE "lastMessagePreview" END,
      "lastMessageAt" = GREATEST("lastMessageAt", ${at}),
      "lastInboundAt" = CASE WHEN ${message.inbound} THEN GREATEST("lastInboundAt", ${at}) ELSE "lastInboundAt" END,${referral}
      "updatedAt" = ${SQL_NOW_UTC}
    WHERE id = ${conversationId}`;
}
