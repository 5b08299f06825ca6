/**
 * The send task's body (trigger/campaign-send.ts): while the campaign is `sending`, claim the next
 * batch (a quarter second's worth at the number's cap), reserve its slots from the number's shared
 * pacer, send each at its slot with `biz_opaque_callback_data` naming the recipient, and write the
 * answers back in bulk. The next batch is claimed and reserved while the previous one is still on
 * the wire, so the pace does not sag between batches. A pause or cancel is seen at the next batch
 * (well within two seconds). Running twice at once, or again after a crash, sends nobody twice:
 * claims are exclusive, and a claimed recipient is never claimed again except by reconciliation.
 */
import { tenantDb, type TenantScope } from "@/lib/db/tenant";
import { logger } from "@/lib/log";
import { appUrl } from "@/lib/http/app-url";
import { storedMapping } from "@/lib/campaigns/mapping";
import type { MediaResolver } from "@/lib/services/inbox/template-send";
import { workspaceMediaResolver } from "@/lib/services/media/outbound/media-resolver";
import { connectionById } from "@/lib/services/whatsapp/connection-secrets";
import { clientForConnection } from "@/lib/services/whatsapp/client-for";
import type { WhatsAppClient } from "@/lib/whatsapp/client";
import { pausedData, type PauseReason } from "../pause-reason";
import { flushCampaignProgressSignals, signalCampaignProgress } from "../progress";
import { claimRecipients, remainingWork, type ClaimedRecipient } from "./claim";
import { classifySendFailure } from "./outcome";
import { backOff, reserveSends } from "./pacer";
import type { CampaignSendPayload } from "./payload";
import { buildRecipientSend, sentMessageContent } from "./sent-messages";
import { settleBatch, type BatchResults } from "./settle";

const log = logger("campaigns.send");

export type SendOutcome = "completed" | "paused" | "cancelled" | "waiting" | "stopped";

/** A batch is this much of a second at the cap: small enough for a pause to bite at once. */
const BATCH_SECONDS = 0.25;
export const MAX_RATE = 1_000;

export interface SendRunOptions {
  /** How long to wait for claimed, unconfirmed recipients before leaving them to reconciliation. */
  settleWaitMs?: number;
  /** Tests and benchmarks: the Graph client (default: the connection's). */
  client?: WhatsAppClient;
  /** Per-send timeout (default the client's). */
  timeoutMs?: number;
  /** Benchmarks only: the ceiling on top of the number's cap (default MAX_RATE). */
  maxRate?: number;
}

/** The callback data of a campaign send: Meta echoes it in every status of the message. */
export const recipientCallbackData = (recipientId: string) => `cr:${recipientId}`;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

async function pauseCampaign(scope: TenantScope, campaignId: string, reason: PauseReason): Promise<void> {
  await tenantDb(scope).campaign.updateMany({ where: { id: campaignId, workspaceId: scope.workspaceId, status: "sending" }, data: pausedData(reason) });
  log.warn({ campaignId, reason }, "campaign paused");
}

interface Plan {
  campaignId: string;
  connectionId: string;
  phoneNumberId: string;
  template: { name: string; language: string; components: unknown };
  mapping: ReturnType<typeof storedMapping>;
  client: WhatsAppClient;
  resolveMedia: MediaResolver;
  origin: string;
  timeoutMs: number | undefined;
}

/** Sends one claimed batch at its reserved slots and settles the answers. */
async function sendBatch(scope: TenantScope, plan: Plan, claimed: ClaimedRecipient[], firstSlotMs: number, ratePerSecond: number): Promise<{ pause?: PauseReason }> {
  const results: BatchResults = { accepted: [], failed: [], requeued: [] };
  let pause: PauseReason | undefined;
  let backOffUntil: Date | undefined;
  const sends = claimed.map(async (recipient, index) => {
    if (!recipient.phone) {
      results.failed.push({ recipientId: recipient.id, contactId: recipient.contactId, code: null, error: "No WhatsApp number", retryable: false, suppress: false, optOut: false });
      return;
    }
    let built: Awaited<ReturnType<typeof buildRecipientSend>>;
    try {
      built = await buildRecipientSend(plan, recipient);
    } catch (error) {
      results.failed.push({ recipientId: recipient.id, contactId: recipient.contactId, code: null, error: error instanceof Error ? error.message : String(error), retryable: false, suppress: false, optOut: false });
      return;
    }
    await sleep(firstSlotMs + (index * 1000) / ratePerSecond - Date.now());
    try {
      const sent = await plan.client.sendMessage(recipient.phone, { type: "template", template: built.send }, { bizOpaqueCallbackData: recipientCallbackData(recipient.id), ...(plan.timeoutMs ? { timeoutMs: plan.timeoutMs } : {}) });
      results.accepted.push({
        recipientId: recipient.id,
        contactId: recipient.contactId,
        wamid: sent.wamid,
        at: new Date(),
        ...sentMessageContent(built),
      });
    } catch (error) {
      const failure = classifySendFailure(error, recipient.attempts);
      switch (failure.kind) {
        case "requeue":
          results.requeued.push({ recipientId: recipient.id, notBefore: failure.notBefore, refund: failure.refund });
          if (failure.backOffNumberUntil && (!backOffUntil || failure.backOffNumberUntil > backOffUntil)) backOffUntil = failure.backOffNumberUntil;
          break;
        case "pause":
          pause ??= { code: failure.code, message: failure.message };
          results.requeued.push({ recipientId: recipient.id, notBefore: null, refund: true });
          break;
        case "fail":
          results.failed.push({ recipientId: recipient.id, contactId: recipient.contactId, code: failure.code, error: failure.error, retryable: failure.retryable, suppress: failure.suppress, optOut: failure.optOut });
          break;
        case "unknown":
          // May have reached Meta: left claimed, for reconciliation from the status webhooks.
          log.warn({ err: error, recipientId: recipient.id }, "campaign send outcome unknown");
          break;
      }
    }
  });
  await Promise.all(sends);
  if (backOffUntil) await backOff(plan.phoneNumberId, backOffUntil);
  await settleBatch(scope, { id: plan.campaignId, connectionId: plan.connectionId }, results);
  signalCampaignProgress(scope.workspaceId, plan.campaignId);
  return pause ? { pause } : {};
}

export async function runCampaignSend(payload: CampaignSendPayload, options: SendRunOptions = {}): Promise<SendOutcome> {
  const scope = { workspaceId: payload.workspaceId };
  const db = tenantDb(scope);
  const settleWaitMs = options.settleWaitMs ?? 30_000;
  let inFlight: Promise<{ pause?: PauseReason }> | null = null;
  let waitingSince: number | null = null;
  let plan: Plan | null = null;

  const drain = async (): Promise<boolean> => {
    if (!inFlight) return false;
    const done = await inFlight;
    inFlight = null;
    if (done.pause) await pauseCampaign(scope, payload.campaignId, done.pause);
    return Boolean(done.pause);
  };

  try {
    for (;;) {
      const campaign = await db.campaign.findFirst({
        where: { id: payload.campaignId, workspaceId: scope.workspaceId },
        select: {
          status: true,
          variableMapping: true,
          connectionId: true,
          template: { select: { name: true, language: true, components: true, status: true } },
          connection: { select: { qualityRating: true, throughputCap: true } },
        },
      });
      if (!campaign || campaign.status !== "sending") {
        await drain();
        return campaign?.status === "paused" ? "paused" : campaign?.status === "cancelled" ? "cancelled" : "stopped";
      }
      if (!campaign.template || campaign.template.status !== "APPROVED") {
        await drain();
        await pauseCampaign(scope, payload.campaignId, {
          code: campaign.template?.status === "DISABLED" ? 132016 : 132015,
          message: `The template is ${campaign.template?.status ?? "gone"}`,
        });
        return "paused";
      }
      if (!campaign.connectionId || !campaign.connection) throw new Error(`campaign ${payload.campaignId} has no phone number`);
      if (campaign.connection.qualityRating === "RED") {
        await drain();
        await pauseCampaign(scope, payload.campaignId, { code: "quality_red", message: "The phone number's quality rating is RED" });
        return "paused";
      }
      if (!plan) {
        const connection = await connectionById(scope.workspaceId, campaign.connectionId);
        if (!connection) throw new Error(`campaign ${payload.campaignId}: connection not found`);
        plan = {
          campaignId: payload.campaignId,
          connectionId: campaign.connectionId,
          phoneNumberId: connection.phoneNumberId,
          template: campaign.template,
          mapping: storedMapping(campaign.variableMapping),
          client: options.client ?? clientForConnection(connection),
          resolveMedia: workspaceMediaResolver(scope),
          origin: appUrl(),
          timeoutMs: options.timeoutMs,
        };
      }
      const rate = Math.max(1, Math.min(campaign.connection.throughputCap, options.maxRate ?? MAX_RATE));
      const claimed = await claimRecipients(scope, payload.campaignId, Math.max(1, Math.ceil(rate * BATCH_SECONDS)));
      if (claimed.length === 0) {
        if (await drain()) return "paused";
        const left = await remainingWork(scope, payload.campaignId);
        if (left.queued > 0) {
          await sleep(Math.min(1_000, Math.max(50, (left.nextAt?.getTime() ?? 0) - Date.now())));
          continue;
        }
        if (left.sending > 0) {
          waitingSince ??= Date.now();
          if (Date.now() - waitingSince > settleWaitMs) return "waiting";
          await sleep(250);
          continue;
        }
        await db.campaign.updateMany({ where: { id: payload.campaignId, workspaceId: scope.workspaceId, status: "sending" }, data: { status: "completed", completedAt: new Date() } });
        signalCampaignProgress(scope.workspaceId, payload.campaignId);
        return "completed";
      }
      waitingSince = null;
      const firstSlot = await reserveSends(plan.phoneNumberId, claimed.length, rate);
      const next = sendBatch(scope, plan, claimed, firstSlot, rate);
      if (await drain()) {
        await next;
        return "paused";
      }
      inFlight = next;
    }
  } finally {
    if (inFlight) await drain().catch(() => undefined);
    await flushCampaignProgressSignals();
  }
}
