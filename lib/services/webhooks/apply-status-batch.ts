/**
 * The batch path's statuses of our outbound messages (process-batch.ts): every status of every
 * event in a batch is applied to the Message rows in two statements, however many there are:
 *
 * 1. one `SELECT … FOR UPDATE` of the rows they name, in id order (two batches, or a batch and a
 *    single event, then lock shared rows in the same order; a deadlock left is retried);
 * 2. the statuses folded over each locked row in memory, in the batch's order, by the rules of
 *    apply-status.ts (the same STATUS_TARGET table, status-rank.ts): the status moves only to a higher rank,
 *    `failed` applies only below delivered and records its errors[0], each per-status timestamp is
 *    set once, by the first report of that status;
 * 3. one `UPDATE … FROM unnest(…)` of the rows the fold changed.
 *
 * So several statuses of one wamid in a batch (sent + delivered + read, out of order, failed then
 * delivered) end exactly as applying them one by one would, and each status's previous and current
 * status is the one it had in that sequence (tests: status-batch.integration-test.ts compares the
 * two paths over shuffled orders). The rows are locked, so the in-memory fold cannot be overtaken.
 */
import type { Prisma } from "@/lib/db";
import type { MessageStatus } from "@/lib/generated/prisma/enums";
import type { StatusUpdate } from "@/lib/whatsapp/webhook/status";
import { STATUS_TARGET, statusRank } from "./status-rank";
import type { AppliedStatus } from "./outcome";
import { SQL_NOW_UTC, sqlName } from "./sql";

/** One status of a batch, with the workspace its change routed to and its event's receipt time. */
export interface StatusItem {
  workspaceId: string;
  update: StatusUpdate;
  receivedAt: Date;
}

interface Row {
  id: string;
  workspaceId: string;
  wamid: string;
  status: MessageStatus;
  campaignRecipientId: string | null;
  hasSent: boolean;
  hasDelivered: boolean;
  hasRead: boolean;
}

/** A locked row while the batch's statuses fold over it. Timestamps: only those the batch sets. */
interface Folded {
  row: Row;
  status: MessageStatus;
  sentAt: Date | null;
  deliveredAt: Date | null;
  readAt: Date | null;
  failure: { at: Date; code: number | null; title: string | null; details: string | null } | null;
}

function statusKey(workspaceId: string, wamid: string): string {
  return `${workspaceId}\n${wamid}`;
}

async function lockMessages(tx: Prisma.TransactionClient, items: StatusItem[]): Promise<Map<string, Folded>> {
  const keys = new Map<string, { workspaceId: string; wamid: string }>();
  for (const { workspaceId, update } of items) keys.set(statusKey(workspaceId, update.wamid), { workspaceId, wamid: update.wamid });
  const workspaceIds = [...keys.values()].map((k) => k.workspaceId);
  const wamids = [...keys.values()].map((k) => k.wamid);
  const rows = await tx.$queryRaw<Row[]>`
    SELECT m.id, m."workspaceId", m.wamid, m.status, m."campaignRecipientId",
           (m."sentAt" IS NOT NULL) AS "hasSent", (m."deliveredAt" IS NOT NULL) AS "hasDelivered", (m."readAt" IS NOT NULL) AS "hasRead"
    FROM ${sqlName("Message")} AS m
    JOIN unnest(${workspaceIds}::text[], ${wamids}::text[]) AS k("workspaceId", wamid)
      ON m.wamid = k.wamid AND m."workspaceId" = k."workspaceId"
    WHERE m.direction = 'outbound'
    ORDER BY m.id
    FOR UPDATE OF m`;
  return new Map(
    rows.map((row) => [statusKey(row.workspaceId, row.wamid), { row, status: row.status, sentAt: null, deliveredAt: null, readAt: null, failure: null }]),
  );
}

/** One status over its row, exactly as apply-status.ts's UPDATE moves it. */
function fold(folded: Folded, update: StatusUpdate, at: Date): void {
  const { status, rank } = STATUS_TARGET[update.status];
  const level = statusRank(folded.status);
  if (level < rank) folded.status = status;
  const { row } = folded;
  if (update.status === "sent" && !row.hasSent) folded.sentAt ??= at;
  if (update.status === "delivered" && !row.hasDelivered) folded.deliveredAt ??= at;
  if ((update.status === "read" || update.status === "played") && !row.hasRead) folded.readAt ??= at;
  if (update.status === "failed" && level < 2) {
    const error = update.errors[0];
    folded.failure = { at, code: error?.code ?? null, title: error?.title ?? null, details: error?.details ?? error?.message ?? null };
  }
}

function changedRow(folded: Folded): boolean {
  return folded.status !== folded.row.status || folded.sentAt !== null || folded.deliveredAt !== null || folded.readAt !== null || folded.failure !== null;
}

async function writeMessages(tx: Prisma.TransactionClient, rows: Folded[]): Promise<void> {
  if (rows.length === 0) return;
  const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);
  await tx.$executeRaw`
    UPDATE ${sqlName("Message")} AS m SET
      status = CAST(u.status AS ${sqlName("MessageStatus")}),
      "sentAt" = COALESCE(m."sentAt", u."sentAt"::timestamptz AT TIME ZONE 'UTC'),
      "deliveredAt" = COALESCE(m."deliveredAt", u."deliveredAt"::timestamptz AT TIME ZONE 'UTC'),
      "readAt" = COALESCE(m."readAt", u."readAt"::timestamptz AT TIME ZONE 'UTC'),
      "failedAt" = CASE WHEN u.fails THEN u."failedAt"::timestamptz AT TIME ZONE 'UTC' ELSE m."failedAt" END,
      "errorCode" = CASE WHEN u.fails THEN u."errorCode" ELSE m."errorCode" END,
      "errorTitle" = CASE WHEN u.fails THEN u."errorTitle" ELSE m."errorTitle" END,
      "errorDetails" = CASE WHEN u.fails THEN u."errorDetails" ELSE m."errorDetails" END,
      "updatedAt" = ${SQL_NOW_UTC}
    FROM unnest(
      ${rows.map((f) => f.row.id)}::text[],
      ${rows.map((f) => f.status)}::text[],
      ${rows.map((f) => iso(f.sentAt))}::text[],
      ${rows.map((f) => iso(f.deliveredAt))}::text[],
      ${rows.map((f) => iso(f.readAt))}::text[],
      ${rows.map((f) => f.failure !== null)}::boolean[],
      ${rows.map((f) => iso(f.failure?.at))}::text[],
      ${rows.map((f) => f.failure?.code ?? null)}::integer[],
      ${rows.map((f) => f.failure?.title ?? null)}::text[],
      ${rows.map((f) => f.failure?.details ?? null)}::text[]
    ) AS u(id, status, "sentAt", "deliveredAt", "readAt", fails, "failedAt", "errorCode", "errorTitle", "errorDetails")
    WHERE m.id = u.id`;
}

/** Applies the batch's statuses in order; one AppliedStatus per item, as applyStatus would have returned it. */
export async function applyStatusBatch(tx: Prisma.TransactionClient, items: StatusItem[]): Promise<AppliedStatus[]> {
  if (items.length === 0) return [];
  const rows = await lockMessages(tx, items);
  const applied = items.map(({ workspaceId, update, receivedAt }): AppliedStatus => {
    const folded = rows.get(statusKey(workspaceId, update.wamid));
    if (!folded) {
      return { ...update, workspaceId, messageId: null, campaignRecipientId: null, previousStatus: null, currentStatus: null, changed: false };
    }
    const previous = folded.status;
    fold(folded, update, update.timestamp ?? receivedAt);
    return {
      ...update,
      workspaceId,
      messageId: folded.row.id,
      campaignRecipientId: folded.row.campaignRecipientId,
      previousStatus: previous,
      currentStatus: folded.status,
      changed: previous !== folded.status,
    };
  });
  await writeMessages(tx, [...rows.values()].filter(changedRow));
  return applied;
}
