/**
 * Outbound messages left `pending` by a server that stopped between writing the row and recording
 * Meta's answer (a crash, a deploy, a frozen function). Nothing else would ever move them: the
 * bubble would spin for ever and a retry would be refused ("not failed").
 *
 * We cannot know whether the request reached Meta, so the sweep does what deliver() does for a
 * timeout after the request left: the message becomes failed with OUTCOME_UNKNOWN, and the agent
 * may resend it only by confirming that it could arrive twice (retryMessage's confirmDuplicate).
 * A resend without asking could double a message; a silent drop would lose one.
 *
 * "Old" is measured from the row's last change (`updatedAt`: its creation, or a retry's claim),
 * so an attempt started by a retry of an old message is not swept while it is in flight. The
 * threshold is far beyond the Graph client's timeout (15 s), so an attempt still running is never
 * swept; if one ever were, deliver() still records Meta's acceptance over the sweep's verdict.
 */
import { Prisma, prisma } from "@/lib/db";
import { logger } from "@/lib/log";
import { SQL_NOW_UTC, sqlTimestamp } from "@/lib/services/webhooks/sql";
import { OUTCOME_UNKNOWN } from "./deliver";
import { publishMessageStatus } from "./signals";
import { table } from "./sql-table";

const log = logger("inbox.pending-sweep");

/** Eight times the Graph client's timeout: no live attempt is this old. */
export const STALE_PENDING_MS = 2 * 60 * 1000;
const DETAILS = "The server stopped before Meta's answer was recorded: the message may or may not have been sent.";

export interface PendingSweepResult {
  resolved: number;
}

/** Marks stale pending outbound messages as outcome-unknown, a batch at a time; publishes each. */
export async function resolveStalePendingSends(options: { olderThanMs?: number; limit?: number } = {}): Promise<PendingSweepResult> {
  const { olderThanMs = STALE_PENDING_MS, limit = 500 } = options;
  const cutoff = sqlTimestamp(new Date(Date.now() - olderThanMs));
  // One statement: the partial index "Message_pending_outbound_idx" finds the few pending rows;
  // the status condition is re-checked on the row, so a send that finished meanwhile is left alone.
  const rows = await prisma.$queryRaw<{ id: string; workspaceId: string; conversationId: string }[]>(Prisma.sql`
    UPDATE ${table("Message")} AS m
       SET status = 'failed', "failedAt" = ${SQL_NOW_UTC}, "errorCode" = NULL, "errorTitle" = ${OUTCOME_UNKNOWN},
           "errorDetails" = ${DETAILS}, "updatedAt" = ${SQL_NOW_UTC}
     WHERE m.id IN (
             SELECT id FROM ${table("Message")}
              WHERE direction = 'outbound' AND status = 'pending' AND wamid IS NULL AND "updatedAt" < ${cutoff}
              ORDER BY "updatedAt"
              LIMIT ${limit}
              FOR UPDATE SKIP LOCKED)
       AND m.status = 'pending' AND m.wamid IS NULL
    RETURNING m.id, m."workspaceId", m."conversationId"`);
  for (const row of rows) await publishMessageStatus(row.workspaceId, row.conversationId, row.id, "failed");
  if (rows.length > 0) log.warn({ resolved: rows.length }, "pending sends without Meta's answer marked outcome unknown");
  return { resolved: rows.length };
}
