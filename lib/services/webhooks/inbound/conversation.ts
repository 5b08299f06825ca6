/**
 * The contact's one open conversation (unique on (contactId, isOpen)), opened when there is none,
 * and its counters moved by a new inbound message. Creation is INSERT … ON CONFLICT DO NOTHING and
 * a re-read, so concurrent deliveries for one contact share one conversation.
 */
import type { Prisma } from "@/lib/db";
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
 */
export async function bumpConversation(
  // Raw SQL only: the webhook pipeline's transaction or a tenant one (sendMessage) both serve.
  tx: Pick<Prisma.TransactionClient, "$executeRaw">,
  conversationId: string,
  message: { at: Date; preview: string | null; unread: boolean; inbound: boolean },
): Promise<void> {
  const at = sqlTimestamp(message.at);
  const preview = message.preview ? shorten(message.preview, LIST_PREVIEW_MAX_CHARS) : null;
  await tx.$executeRaw`
    UPDATE ${sqlName("Conversation")} SET
      "unreadCount" = "unreadCount" + ${message.unread ? 1 : 0},
      "lastMessagePreview" = CASE WHEN "lastMessageAt" IS NULL OR "lastMessageAt" <= ${at}
                                  THEN COALESCE(${preview}, "lastMessagePreview") ELSE "lastMessagePreview" END,
      "lastMessageAt" = GREATEST("lastMessageAt", ${at}),
      "lastInboundAt" = CASE WHEN ${message.inbound} THEN GREATEST("lastInboundAt", ${at}) ELSE "lastInboundAt" END,
      "updatedAt" = ${SQL_NOW_UTC}
    WHERE id = ${conversationId}`;
}
