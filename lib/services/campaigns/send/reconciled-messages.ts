/**
 * The conversation messages of recipients settled by Meta's status webhooks alone. A sender killed
 * after Meta accepted a send, before its write-back, leaves the recipient to the webhooks
 * (attribution/recipient-status.ts finds it by its callback data and records the wamid), but the
 * contact's conversation would then never show the campaign message. This sweep builds each missing
 * message the way the sender would have (the campaign's template and mapping, the contact's values
 * as they are now) and stores it at the recipient's sentAt. Runs with reconciliation.
 */
import { prisma } from "@/lib/db";
import { appUrl } from "@/lib/http/app-url";
import { logger } from "@/lib/log";
import { storedMapping } from "@/lib/campaigns/mapping";
import { workspaceMediaResolver } from "@/lib/services/media/outbound/media-resolver";
import { sqlName } from "@/lib/services/webhooks/sql";
import { buildRecipientSend, sentMessageContent, storeSentMessages, type SentMessage } from "./sent-messages";

const log = logger("campaigns.reconcile");

/** Per sweep: a crash leaves at most a few batches of these. */
const SWEEP_LIMIT = 2_000;

interface Orphan {
  id: string;
  workspaceId: string;
  campaignId: string;
  contactId: string;
  wamid: string;
  sentAt: Date | null;
  name: string | null;
  profileName: string | null;
  phone: string | null;
  email: string | null;
  customFields: unknown;
}

/** Stores the missing messages; resolves to how many were stored. */
export async function storeReconciledMessages(now = new Date()): Promise<number> {
  const recipient = sqlName("CampaignRecipient");
  const message = sqlName("Message");
  // Across workspaces by design: the contact is joined within the recipient's own workspace.
  const orphans = await prisma.$queryRaw<Orphan[]>`
    SELECT r.id, r."workspaceId", r."campaignId", r."contactId", r.wamid, r."sentAt", c.name, c."profileName", r.phone, c.email, c."customFields"
    FROM ${recipient} r JOIN ${sqlName("Contact")} c ON c.id = r."contactId" AND c."workspaceId" = r."workspaceId"
    WHERE r.wamid IS NOT NULL AND r.status IN ('sent', 'delivered', 'read', 'failed')
      AND NOT EXISTS (SELECT 1 FROM ${message} m WHERE m."campaignRecipientId" = r.id)
      AND NOT EXISTS (SELECT 1 FROM ${message} m WHERE m.wamid = r.wamid)
    ORDER BY r."campaignId"
    LIMIT ${SWEEP_LIMIT}`;
  let stored = 0;
  const byCampaign = new Map<string, Orphan[]>();
  for (const orphan of orphans) {
    const rows = byCampaign.get(orphan.campaignId);
    if (rows) rows.push(orphan);
    else byCampaign.set(orphan.campaignId, [orphan]);
  }
  for (const [campaignId, rows] of byCampaign) {
    const workspaceId = rows[0]!.workspaceId;
    try {
      stored += await storeCampaignOrphans(workspaceId, campaignId, rows, now);
    } catch (error) {
      // One campaign's template that no longer renders must not hold back the others.
      log.warn({ err: error, campaignId }, "reconciled campaign messages not stored");
    }
  }
  if (stored > 0) log.info({ stored }, "campaign messages stored for recipients settled by webhook");
  return stored;
}

async function storeCampaignOrphans(workspaceId: string, campaignId: string, rows: Orphan[], now: Date): Promise<number> {
  const campaign = await prisma.campaign.findFirst({
    where: { id: campaignId, workspaceId },
    select: { connectionId: true, variableMapping: true, template: { select: { name: true, language: true, components: true } } },
  });
  if (!campaign?.connectionId || !campaign.template) return 0;
  const plan = { template: campaign.template, mapping: storedMapping(campaign.variableMapping), origin: appUrl(), resolveMedia: workspaceMediaResolver({ workspaceId }) };
  const sent: SentMessage[] = [];
  for (const row of rows) {
    const built = await buildRecipientSend(plan, row);
    sent.push({ recipientId: row.id, contactId: row.contactId, wamid: row.wamid, at: row.sentAt ?? now, ...sentMessageContent(built) });
  }
  await prisma.$transaction((tx) => storeSentMessages(tx, workspaceId, campaign.connectionId!, sent, now));
  return sent.length;
}
