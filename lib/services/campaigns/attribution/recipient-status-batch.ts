/**
 * The batch path's campaign recipients (lib/services/webhooks/process-batch.ts): the recipients
 * every status of a batch names, moved in two statements whatever their number — one
 * `SELECT … FOR UPDATE` of the candidates (by wamid, and by callback data `cr:<id>`, each only in
 * the status's workspace; id order), the statuses folded over them in memory in the batch's order
 * by the rules of recipient-status.ts, and one `UPDATE … FROM unnest(…)` of the rows that moved.
 *
 * The fold finds each status's recipient as moveRecipientByStatus's statement does: the one holding
 * the wamid, else — crash reconciliation — the callback's recipient while it is `sending` with no
 * wamid and no recipient anywhere holds the status's wamid. A recipient reconciled by an earlier
 * status of the batch holds the wamid from then on, exactly as it would after a committed event.
 * Each result carries the counters' increments of its status (what went NULL → set, whether it
 * became failed), so the batch's one Campaign UPDATE adds what the events one by one would have.
 */
import type { Prisma } from "@/lib/db";
import type { RecipientStatus } from "@/lib/generated/prisma/enums";
import type { StatusUpdate } from "@/lib/whatsapp/webhook/status";
import { SQL_NOW_UTC, sqlName } from "@/lib/services/webhooks/sql";
import { STATUS_TARGET, statusRank } from "@/lib/services/webhooks/status-rank";
import {
  META_MARKETING_CAP,
  recipientErrorText,
  recipientIdFromCallback,
  statusCounts,
  type RecipientMove,
} from "./recipient-status";

export interface RecipientStatusItem {
  workspaceId: string;
  update: StatusUpdate;
  receivedAt: Date;
}

interface Row {
  id: string;
  workspaceId: string;
  campaignId: string;
  contactId: string;
  wamid: string | null;
  status: RecipientStatus;
  hasSent: boolean;
  hasDelivered: boolean;
  hasRead: boolean;
}

/** A locked recipient while the batch folds over it; the timestamps are those the batch sets. */
interface Folded {
  row: Row;
  wamid: string | null;
  status: RecipientStatus;
  sentAt: Date | null;
  deliveredAt: Date | null;
  readAt: Date | null;
  failure: { at: Date; code: number | null; error: string | null; retryable: boolean } | null;
}

async function lockRecipients(tx: Prisma.TransactionClient, items: RecipientStatusItem[]): Promise<Folded[]> {
  const byWamid = new Map<string, { workspaceId: string; wamid: string }>();
  const byId = new Map<string, { workspaceId: string; id: string }>();
  for (const { workspaceId, update } of items) {
    byWamid.set(`${workspaceId}\n${update.wamid}`, { workspaceId, wamid: update.wamid });
    const id = recipientIdFromCallback(update.bizOpaqueCallbackData);
    if (id) byId.set(`${workspaceId}\n${id}`, { workspaceId, id });
  }
  const recipient = sqlName("CampaignRecipient");
  const wamidKeys = [...byWamid.values()];
  const idKeys = [...byId.values()];
  const rows = await tx.$queryRaw<Row[]>`
    SELECT r.id, r."workspaceId", r."campaignId", r."contactId", r.wamid, r.status,
           (r."sentAt" IS NOT NULL) AS "hasSent", (r."deliveredAt" IS NOT NULL) AS "hasDelivered", (r."readAt" IS NOT NULL) AS "hasRead"
    FROM ${recipient} AS r
    WHERE r.status <> 'skipped' AND r.id IN (
      SELECT x.id FROM ${recipient} AS x
      JOIN unnest(${wamidKeys.map((k) => k.workspaceId)}::text[], ${wamidKeys.map((k) => k.wamid)}::text[]) AS k("workspaceId", wamid)
        ON x.wamid = k.wamid AND x."workspaceId" = k."workspaceId"
      UNION
      SELECT x.id FROM ${recipient} AS x
      JOIN unnest(${idKeys.map((k) => k.workspaceId)}::text[], ${idKeys.map((k) => k.id)}::text[]) AS k("workspaceId", id)
        ON x.id = k.id AND x."workspaceId" = k."workspaceId"
    )
    ORDER BY r.id
    FOR UPDATE OF r`;
  return rows.map((row) => ({ row, wamid: row.wamid, status: row.status, sentAt: null, deliveredAt: null, readAt: null, failure: null }));
}

/** Wamids some recipient holds, in any workspace and state (the reconciliation's "no row holds it"). */
async function heldWamids(tx: Prisma.TransactionClient, wamids: string[]): Promise<Set<string>> {
  if (wamids.length === 0) return new Set();
  const rows = await tx.$queryRaw<{ wamid: string }[]>`
    SELECT wamid FROM ${sqlName("CampaignRecipient")} WHERE wamid = ANY(${wamids}::text[])`;
  return new Set(rows.map((row) => row.wamid));
}

/** One status over its recipient, exactly as moveRecipientByStatus's UPDATE moves it; returns its move. */
function fold(folded: Folded, update: StatusUpdate, at: Date): RecipientMove {
  const { status, rank } = STATUS_TARGET[update.status];
  const level = statusRank(folded.status);
  const fails = update.status === "failed" && level < 2;
  const recovers = level === 2 && rank > 2;
  const reconciled = folded.wamid === null;
  folded.wamid ??= update.wamid;
  if (level < rank) folded.status = status;
  const { row } = folded;
  const hadSent = row.hasSent || folded.sentAt !== null;
  const hadDelivered = row.hasDelivered || folded.deliveredAt !== null;
  const hadRead = row.hasRead || folded.readAt !== null;
  if (!hadSent) folded.sentAt = at;
  const delivers = update.status === "delivered" || update.status === "read" || update.status === "played";
  const reads = update.status === "read" || update.status === "played";
  if (delivers && !hadDelivered) folded.deliveredAt = at;
  if (reads && !hadRead) folded.readAt = at;
  if (fails) {
    const error = update.errors[0];
    folded.failure = { at, code: error?.code ?? null, error: recipientErrorText(error), retryable: error?.code === META_MARKETING_CAP };
  }
  return {
    recipientId: row.id,
    campaignId: row.campaignId,
    contactId: row.contactId,
    reconciled,
    failed: fails,
    counts: statusCounts({ newSent: !hadSent, fails, recovers, newDelivered: delivers && !hadDelivered, newRead: reads && !hadRead }),
  };
}

function moved(folded: Folded): boolean {
  return (
    folded.wamid !== folded.row.wamid ||
    folded.status !== folded.row.status ||
    folded.sentAt !== null ||
    folded.deliveredAt !== null ||
    folded.readAt !== null ||
    folded.failure !== null
  );
}

async function writeRecipients(tx: Prisma.TransactionClient, rows: Folded[]): Promise<void> {
  if (rows.length === 0) return;
  const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);
  await tx.$executeRaw`
    UPDATE ${sqlName("CampaignRecipient")} AS r SET
      wamid = COALESCE(r.wamid, u.wamid),
      status = CAST(u.status AS ${sqlName("RecipientStatus")}),
      "sentAt" = COALESCE(r."sentAt", u."sentAt"::timestamptz AT TIME ZONE 'UTC'),
      "deliveredAt" = COALESCE(r."deliveredAt", u."deliveredAt"::timestamptz AT TIME ZONE 'UTC'),
      "readAt" = COALESCE(r."readAt", u."readAt"::timestamptz AT TIME ZONE 'UTC'),
      "failedAt" = CASE WHEN u.fails THEN u."failedAt"::timestamptz AT TIME ZONE 'UTC' ELSE r."failedAt" END,
      "errorCode" = CASE WHEN u.fails THEN u."errorCode" ELSE r."errorCode" END,
      error = CASE WHEN u.fails THEN u.error ELSE r.error END,
      retryable = CASE WHEN u.fails AND u.retryable THEN true ELSE r.retryable END,
      "updatedAt" = ${SQL_NOW_UTC}
    FROM unnest(
      ${rows.map((f) => f.row.id)}::text[],
      ${rows.map((f) => f.wamid)}::text[],
      ${rows.map((f) => f.status)}::text[],
      ${rows.map((f) => iso(f.sentAt))}::text[],
      ${rows.map((f) => iso(f.deliveredAt))}::text[],
      ${rows.map((f) => iso(f.readAt))}::text[],
      ${rows.map((f) => f.failure !== null)}::boolean[],
      ${rows.map((f) => iso(f.failure?.at))}::text[],
      ${rows.map((f) => f.failure?.code ?? null)}::integer[],
      ${rows.map((f) => f.failure?.error ?? null)}::text[],
      ${rows.map((f) => f.failure?.retryable ?? false)}::boolean[]
    ) AS u(id, wamid, status, "sentAt", "deliveredAt", "readAt", fails, "failedAt", "errorCode", error, retryable)
    WHERE r.id = u.id`;
}

/** Moves the recipients the batch's statuses name, in order; one move (or null: none named) per item. */
export async function moveRecipientsByStatuses(tx: Prisma.TransactionClient, items: RecipientStatusItem[]): Promise<(RecipientMove | null)[]> {
  if (items.length === 0) return [];
  const locked = await lockRecipients(tx, items);
  const holding = new Map<string, Folded>(); // wamid → the recipient holding it now
  const byId = new Map<string, Folded>();
  for (const folded of locked) {
    byId.set(folded.row.id, folded);
    if (folded.wamid) holding.set(folded.wamid, folded);
  }
  // Only a callback whose wamid no locked recipient of its workspace holds needs to know whether
  // another one (a skipped row, another workspace's) holds it: nearly never, so asked only then.
  const unheld = items
    .filter(({ workspaceId, update }) => recipientIdFromCallback(update.bizOpaqueCallbackData) && holding.get(update.wamid)?.row.workspaceId !== workspaceId)
    .map(({ update }) => update.wamid);
  const heldElsewhere = await heldWamids(tx, [...new Set(unheld)]);

  const moves = items.map(({ workspaceId, update, receivedAt }): RecipientMove | null => {
    let target = holding.get(update.wamid);
    if (target && target.row.workspaceId !== workspaceId) target = undefined;
    if (!target) {
      const id = recipientIdFromCallback(update.bizOpaqueCallbackData);
      const candidate = id ? byId.get(id) : undefined;
      const free = !heldElsewhere.has(update.wamid) && !holding.has(update.wamid);
      if (candidate && candidate.row.workspaceId === workspaceId && candidate.wamid === null && candidate.status === "sending" && free) {
        target = candidate;
        holding.set(update.wamid, candidate);
      }
    }
    return target ? fold(target, update, update.timestamp ?? receivedAt) : null;
  });
  await writeRecipients(tx, locked.filter(moved));
  return moves;
}
