/**
 * A status webhook moves the campaign recipient it names, inside the event's transaction, in ONE
 * conditional UPDATE (the row locked, its rank compared in SQL), like its Message:
 *
 *   queued/sending(0) → sent(1) → failed(2) → delivered(3) → read(4)      ("played" counts as read)
 *
 * The recipient is found by wamid, else — crash reconciliation: the sender died after Meta accepted
 * but before it wrote the wamid — by the status's `biz_opaque_callback_data` "cr:<id>", only in the
 * status's workspace and only while its wamid is NULL (and no row holds that wamid): it is then
 * settled from Meta's evidence (wamid set, at least `sent`), never sent again.
 *
 * Each timestamp is set once (COALESCE); a read without a delivery also sets deliveredAt (a read
 * message was delivered), so "at least delivered" counts it. A failure applies only before delivery,
 * with Meta's code and text; 131049 (marketing cap) marks it retryable. The counters' increments
 * (which timestamps went NULL → set, whether it became failed) are returned for the event's one
 * Campaign UPDATE (campaign-counters.ts).
 */
import { Prisma } from "@/lib/db";
import type { MetaError } from "@/lib/whatsapp/webhook/meta-error";
import type { StatusUpdate } from "@/lib/whatsapp/webhook/status";
import { SQL_NOW_UTC, sqlName, sqlTimestamp } from "@/lib/services/webhooks/sql";
import { rankSql, STATUS_TARGET } from "@/lib/services/webhooks/status-rank";

/** Meta: the message would exceed the user's marketing cap; worth sending again later. */
export const META_MARKETING_CAP = 131049;
/** Meta: the message is undeliverable (not a WhatsApp user, …): the number is suppressed. */
export const META_UNDELIVERABLE = 131026;


const RECIPIENT_ID = /^cr:([A-Za-z0-9_-]{1,64})$/;

/** The recipient id a campaign send attached as `biz_opaque_callback_data` ("cr:<id>"), or null. */
export function recipientIdFromCallback(data: string | null): string | null {
  return data ? (RECIPIENT_ID.exec(data)?.[1] ?? null) : null;
}

/** Meta's title and details, as the recipient keeps them. */
export function recipientErrorText(error: MetaError | undefined): string | null {
  if (!error) return null;
  const parts = [error.title ?? error.message, error.details].filter((p): p is string => Boolean(p));
  return parts.length > 0 ? parts.join(": ").slice(0, 2_000) : null;
}

/**
 * The counters' increments of one status. `sentCount` counts recipients Meta accepted that have not
 * failed, so the funnel and the failure count never hold one recipient twice: a failure reported
 * after the send (131047, 131049, 131026 …) moves the recipient from sent to failed, and a delivery
 * or read after a failure (Meta does send them, for users on several devices) moves it back.
 */
export function statusCounts(move: { newSent: boolean; fails: boolean; recovers: boolean; newDelivered: boolean; newRead: boolean }): RecipientMove["counts"] {
  return {
    sent: Number(move.newSent) - Number(move.fails) + Number(move.recovers),
    delivered: Number(move.newDelivered),
    read: Number(move.newRead),
    failed: Number(move.fails) - Number(move.recovers),
  };
}

export interface RecipientMove {
  recipientId: string;
  campaignId: string;
  contactId: string;
  /** Found by callback data (its wamid was NULL): settled from this status. */
  reconciled: boolean;
  /** This status made it failed (was not failed, delivered or read before). */
  failed: boolean;
  counts: { sent: number; delivered: number; read: number; failed: number };
}

interface Row {
  id: string;
  campaignId: string;
  contactId: string;
  reconciled: boolean;
  newSent: boolean;
  newDelivered: boolean;
  newRead: boolean;
  newFailed: boolean;
  recovers: boolean;
}

/** Moves the recipient the status names in `workspaceId`; null when it names none. */
export async function moveRecipientByStatus(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  update: StatusUpdate,
  receivedAt: Date,
): Promise<RecipientMove | null> {
  const { status, rank } = STATUS_TARGET[update.status];
  const at = sqlTimestamp(update.timestamp ?? receivedAt);
  const error = update.status === "failed" ? update.errors[0] : undefined;
  const kind = update.status;
  const byCallback = recipientIdFromCallback(update.bizOpaqueCallbackData);
  const recipient = sqlName("CampaignRecipient");

  // By wamid first; by callback id only for a recipient still claimed without a wamid (a sender that
  // died after Meta accepted), and only when no recipient holds the wamid at all (in any workspace):
  // a late status of a retried recipient's older, failed message settles nothing.
  const match = byCallback
    ? Prisma.sql`(wamid = ${update.wamid} OR (id = ${byCallback} AND wamid IS NULL AND status = 'sending'
        AND NOT EXISTS (SELECT 1 FROM ${recipient} AS other WHERE other.wamid = ${update.wamid})))`
    : Prisma.sql`wamid = ${update.wamid}`;

  const rows = await tx.$queryRaw<Row[]>`
    WITH target AS (
      SELECT id, status, "sentAt", "deliveredAt", "readAt", wamid,
             ${rankSql(Prisma.sql`status`)} AS level
      FROM ${recipient}
      WHERE "workspaceId" = ${workspaceId} AND status <> 'skipped'
        AND ${match}
      ORDER BY (wamid IS NOT NULL) DESC
      LIMIT 1
      FOR UPDATE
    ), applies AS (
      SELECT target.*, (${kind}::text = 'failed' AND target.level < 2) AS fails FROM target
    )
    UPDATE ${recipient} AS r SET
      wamid = COALESCE(r.wamid, ${update.wamid}),
      status = CASE WHEN a.level < ${rank} THEN CAST(${status}::text AS ${sqlName("RecipientStatus")}) ELSE r.status END,
      "sentAt" = COALESCE(r."sentAt", ${at}),
      "deliveredAt" = CASE WHEN ${kind}::text IN ('delivered', 'read', 'played') THEN COALESCE(r."deliveredAt", ${at}) ELSE r."deliveredAt" END,
      "readAt" = CASE WHEN ${kind}::text IN ('read', 'played') THEN COALESCE(r."readAt", ${at}) ELSE r."readAt" END,
      "failedAt" = CASE WHEN a.fails THEN ${at} ELSE r."failedAt" END,
      "errorCode" = CASE WHEN a.fails THEN ${error?.code ?? null}::integer ELSE r."errorCode" END,
      error = CASE WHEN a.fails THEN ${recipientErrorText(error)}::text ELSE r.error END,
      retryable = CASE WHEN a.fails AND ${error?.code ?? null}::integer = ${META_MARKETING_CAP} THEN true ELSE r.retryable END,
      "updatedAt" = ${SQL_NOW_UTC}
    FROM applies AS a
    WHERE r.id = a.id
    RETURNING r.id, r."campaignId", r."contactId",
              (a.wamid IS NULL) AS reconciled,
              (a."sentAt" IS NULL) AS "newSent",
              (a."deliveredAt" IS NULL AND r."deliveredAt" IS NOT NULL) AS "newDelivered",
              (a."readAt" IS NULL AND r."readAt" IS NOT NULL) AS "newRead",
              a.fails AS "newFailed",
              (a.level = 2 AND ${rank}::integer > 2) AS recovers`;

  const row = rows[0];
  if (!row) return null;
  return {
    recipientId: row.id,
    campaignId: row.campaignId,
    contactId: row.contactId,
    reconciled: row.reconciled,
    failed: row.newFailed,
    counts: statusCounts({ newSent: row.newSent, fails: row.newFailed, recovers: row.recovers, newDelivered: row.newDelivered, newRead: row.newRead }),
  };
}
