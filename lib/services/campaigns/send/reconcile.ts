/**
 * Reconciliation of claimed, unconfirmed recipients (a sender killed mid-send, a timeout after the
 * request left): Meta's status webhooks name each message's recipient (biz_opaque_callback_data),
 * and the webhook pipeline settles a recipient from them. One still unconfirmed after `graceMs`,
 * while no webhook of its number waits unprocessed, never reached Meta: Meta announces every
 * accepted message with a `sent` status within seconds. Only then is it queued again, and its
 * campaign's send run started again if none is left. A campaign whose last recipients were settled
 * this way is completed here, and a recipient settled by webhook alone gets its conversation message
 * (reconciled-messages.ts). Runs every 30 s in Node servers (lib/services/campaigns/scheduler.ts) and
 * every minute by Vercel Cron (/api/cron/campaigns).
 */
import { prisma } from "@/lib/db";
import { logger } from "@/lib/log";
import { sqlName, sqlTimestamp } from "@/lib/services/webhooks/sql";
import { signalCampaignProgress } from "../progress";
import { enqueueCampaignSend } from "./launch";
import { storeReconciledMessages } from "./reconciled-messages";

const log = logger("campaigns.reconcile");

/** Meta's `sent` status comes within seconds; two minutes of silence, with nothing of the number waiting, is a send that never left. */
export const RECONCILE_GRACE_MS = 120_000;

export interface ReconcileResult {
  requeued: number;
  restarted: number;
  completed: number;
  /** Conversation messages stored for recipients settled by status webhook alone. */
  messages: number;
}

export async function reconcileCampaignSends(options: { graceMs?: number; now?: Date } = {}): Promise<ReconcileResult> {
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - (options.graceMs ?? RECONCILE_GRACE_MS));
  const recipient = sqlName("CampaignRecipient");
  const campaign = sqlName("Campaign");
  // Across workspaces by design: each row's own workspace is kept in every statement.
  const requeued = await prisma.$queryRaw<{ campaignId: string; workspaceId: string }[]>`
    UPDATE ${recipient} r SET status = 'queued', "claimedAt" = NULL, "updatedAt" = ${sqlTimestamp(now)}
    FROM ${campaign} k JOIN ${sqlName("WhatsappConnection")} w ON w.id = k."connectionId"
    WHERE r.status = 'sending' AND r.wamid IS NULL AND r."claimedAt" < ${sqlTimestamp(cutoff)}
      AND k.id = r."campaignId" AND k."workspaceId" = r."workspaceId" AND k.status = 'sending'
      AND NOT EXISTS (SELECT 1 FROM ${sqlName("WebhookEvent")} e WHERE e."phoneNumberId" = w."phoneNumberId" AND e."processedAt" IS NULL)
    RETURNING r."campaignId", r."workspaceId"`;
  // Sending campaigns with nothing left in flight and nothing queued are done.
  const completed = await prisma.$queryRaw<{ id: string; workspaceId: string }[]>`
    UPDATE ${campaign} k SET status = 'completed', "completedAt" = ${sqlTimestamp(now)}, "updatedAt" = ${sqlTimestamp(now)}
    WHERE k.status = 'sending' AND k."startedAt" < ${sqlTimestamp(cutoff)}
      AND NOT EXISTS (SELECT 1 FROM ${recipient} r WHERE r."campaignId" = k.id AND r.status IN ('queued', 'sending'))
    RETURNING k.id, k."workspaceId"`;

  const touched = new Map(requeued.map((row) => [row.campaignId, row.workspaceId]));
  let restarted = 0;
  for (const [campaignId, workspaceId] of touched) {
    const row = await prisma.campaign.findFirst({ where: { id: campaignId, workspaceId }, select: { launchVersion: true, connection: { select: { phoneNumberId: true } } } });
    if (!row?.connection) continue;
    // A new key per reconciliation: the run that left these recipients may have ended already.
    await enqueueCampaignSend({ workspaceId }, { id: campaignId, launchVersion: row.launchVersion, phoneNumberId: row.connection.phoneNumberId }, `reconcile-${now.getTime()}`);
    restarted += 1;
    signalCampaignProgress(workspaceId, campaignId);
  }
  for (const row of completed) signalCampaignProgress(row.workspaceId, row.id);
  const result = { requeued: requeued.length, restarted, completed: completed.length, messages: await storeReconciledMessages(now) };
  if (result.requeued > 0 || result.completed > 0) log.info(result, "campaign reconciliation");
  return result;
}
