/**
 * An inbound message from a contact a campaign was sent to within that campaign's reply window
 * (replyWindowHours before the message's timestamp) is a reply to the most recent such send: the
 * recipient's repliedAt is set once and the message is tagged with the campaign
 * (Message.repliedCampaignId, for the inbox). One statement on CampaignRecipient's
 * (contactId, sentAt) index, read backwards from the message's time: a contact no campaign reached
 * costs one empty index probe.
 */
import type { Prisma } from "@/lib/db";
import { SQL_NOW_UTC, sqlName, sqlTimestamp } from "@/lib/services/webhooks/sql";

export interface AttributedReply {
  campaignId: string;
  recipientId: string;
  /** repliedAt went NULL → set: the campaign's repliedCount gains one. */
  first: boolean;
}

interface Row {
  campaignId: string;
  recipientId: string;
  first: boolean;
}

export async function attributeReply(
  tx: Prisma.TransactionClient,
  reply: { workspaceId: string; contactId: string; messageId: string; at: Date },
): Promise<AttributedReply | null> {
  const at = sqlTimestamp(reply.at);
  const recipient = sqlName("CampaignRecipient");
  const rows = await tx.$queryRaw<Row[]>`
    WITH hit AS (
      SELECT r.id, r."campaignId", r."repliedAt"
      FROM ${recipient} AS r
      JOIN ${sqlName("Campaign")} AS c ON c.id = r."campaignId" AND c."workspaceId" = r."workspaceId"
      WHERE r."contactId" = ${reply.contactId} AND r."workspaceId" = ${reply.workspaceId}
        AND r."sentAt" IS NOT NULL AND r."sentAt" <= ${at}
        AND r."sentAt" >= ${at} - make_interval(hours => c."replyWindowHours")
      ORDER BY r."sentAt" DESC
      LIMIT 1
      FOR UPDATE OF r
    ), replied AS (
      UPDATE ${recipient} AS r SET
        "repliedAt" = COALESCE(r."repliedAt", ${at}),
        "updatedAt" = CASE WHEN r."repliedAt" IS NULL THEN ${SQL_NOW_UTC} ELSE r."updatedAt" END
      FROM hit
      WHERE r.id = hit.id
      RETURNING r.id, r."campaignId", (hit."repliedAt" IS NULL) AS first
    ), tagged AS (
      UPDATE ${sqlName("Message")} AS m SET "repliedCampaignId" = replied."campaignId"
      FROM replied
      WHERE m.id = ${reply.messageId} AND m."workspaceId" = ${reply.workspaceId}
      RETURNING m.id
    )
    SELECT replied."campaignId", replied.id AS "recipientId", replied.first FROM replied`;
  return rows[0] ?? null;
}
