/**
 * A status of one of our outbound messages, applied monotonically in ONE conditional UPDATE, so
 * concurrent and out-of-order deliveries are safe (invariant 3):
 *
 *   pending(0) → sent(1) → failed(2) → delivered(3) → read(4)        ("played" counts as read)
 *
 * The status moves only to a higher rank. `failed` applies to a message not yet delivered and
 * records Meta's errors[0] (code, title, details); a delivery or read receipt proves the message
 * reached the phone, so it wins over a failure report (Meta does send `delivered` after `failed`
 * for users on several devices) and a `failed` after `delivered`/`read` changes nothing. Each
 * per-status timestamp is set once, by the first report of that status, even a late one (a
 * `delivered` after `read` fills deliveredAt but leaves the status at read).
 */
import { Prisma } from "@/lib/db";
import type { MessageStatus } from "@/lib/generated/prisma/enums";
import type { StatusUpdate } from "@/lib/whatsapp/webhook/status";
import type { AppliedStatus } from "./outcome";
import { SQL_NOW_UTC, sqlName, sqlTimestamp } from "./sql";
import { rankSql, STATUS_TARGET } from "./status-rank";


interface Row {
  id: string;
  previous: MessageStatus;
  current: MessageStatus;
  campaignRecipientId: string | null;
}

export async function applyStatus(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  update: StatusUpdate,
  receivedAt: Date,
): Promise<AppliedStatus> {
  const { status, rank } = STATUS_TARGET[update.status];
  const at = update.timestamp ?? receivedAt;
  const error = update.status === "failed" ? update.errors[0] : undefined;
  const message = sqlName("Message");
  const kind = update.status;

  const rows = await tx.$queryRaw<Row[]>`
    WITH target AS (
      SELECT id, status FROM ${message}
      WHERE "workspaceId" = ${workspaceId} AND wamid = ${update.wamid} AND direction = 'outbound'
      FOR UPDATE
    ), ranked AS (
      SELECT id, status,
             ${rankSql(Prisma.sql`status`)} AS level
      FROM target
    )
    UPDATE ${message} AS m SET
      status = CASE WHEN ranked.level < ${rank} THEN CAST(${status}::text AS ${sqlName("MessageStatus")}) ELSE m.status END,
      "sentAt" = CASE WHEN ${kind}::text = 'sent' THEN COALESCE(m."sentAt", ${sqlTimestamp(at)}) ELSE m."sentAt" END,
      "deliveredAt" = CASE WHEN ${kind}::text = 'delivered' THEN COALESCE(m."deliveredAt", ${sqlTimestamp(at)}) ELSE m."deliveredAt" END,
      "readAt" = CASE WHEN ${kind}::text IN ('read', 'played') THEN COALESCE(m."readAt", ${sqlTimestamp(at)}) ELSE m."readAt" END,
      "failedAt" = CASE WHEN ${kind}::text = 'failed' AND ranked.level < 2 THEN ${sqlTimestamp(at)} ELSE m."failedAt" END,
      "errorCode" = CASE WHEN ${kind}::text = 'failed' AND ranked.level < 2 THEN ${error?.code ?? null}::integer ELSE m."errorCode" END,
      "errorTitle" = CASE WHEN ${kind}::text = 'failed' AND ranked.level < 2 THEN ${error?.title ?? null}::text ELSE m."errorTitle" END,
      "errorDetails" = CASE WHEN ${kind}::text = 'failed' AND ranked.level < 2
                            THEN ${error?.details ?? error?.message ?? null}::text ELSE m."errorDetails" END,
      "updatedAt" = ${SQL_NOW_UTC}
    FROM ranked
    WHERE m.id = ranked.id
    RETURNING m.id, ranked.status AS previous, m.status AS current, m."campaignRecipientId"`;

  const row = rows[0];
  return {
    ...update,
    workspaceId,
    messageId: row?.id ?? null,
    campaignRecipientId: row?.campaignRecipientId ?? null,
    previousStatus: row?.previous ?? null,
    currentStatus: row?.current ?? null,
    changed: row !== undefined && row.previous !== row.current,
  };
}
