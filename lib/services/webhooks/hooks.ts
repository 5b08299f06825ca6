/**
 * Extension points of webhook processing, for features built on top of it:
 * - campaign recipients are NOT moved here but in the status path itself (apply-delivery.ts →
 *   lib/services/campaigns/attribution), so no caller's hooks can leave them behind; `onStatus`
 *   stays for other features that watch statuses;
 * - real-time fan-out, campaign progress signals and the media download step start from `onProcessed`
 *   (one event) and `onBatchProcessed` (the events a batch committed together, process-batch.ts).
 * The route handler and the recovery sweep both use `defaultWebhookHooks`: register here.
 */
import type { Prisma } from "@/lib/db";
import { publishWebhookOutcomes } from "@/lib/realtime/webhook-signals";
import { downloadMediaSoon } from "@/lib/services/media/inbound/background";
import { confirmOptOuts } from "@/lib/services/contacts/confirm-opt-outs";
import { signalCampaignProgress } from "@/lib/services/campaigns/progress";
import type { AppliedStatus, EventOutcome } from "./outcome";

export interface WebhookHooks {
  /**
   * Every status of the event, applied or not (`messageId` null: we hold no such message), inside
   * the event's transaction: use only `tx`. Return true when the status was recognised without a
   * Message row, so the event is not held back waiting for one (a campaign recipient found by
   * wamid or callback data already counts as recognised, before this hook). Called again for redeliveries and retries: must be idempotent (move state forward only).
   */
  onStatus?: (tx: Prisma.TransactionClient, status: AppliedStatus) => Promise<boolean | void>;
  /** After the event's transaction committed. Errors are logged; they never un-process the event. */
  onProcessed?: (outcome: EventOutcome) => Promise<void>;
  /**
   * After a batch's transaction committed, once with all its events (processed or deferred), in
   * place of onProcessed for each: what follows can be coalesced (one real-time publish per batch).
   * Without it, the batch path calls onProcessed per event.
   */
  onBatchProcessed?: (outcomes: EventOutcome[]) => Promise<void>;
}

async function afterCommit(outcomes: EventOutcome[]): Promise<void> {
  await Promise.all([
    // The events' media rows are committed: fetch their bytes now, in the media step's own bounded
    // pool (lib/services/media/inbound/background.ts); its sweep finishes whatever is left.
    downloadMediaSoon(outcomes.flatMap((o) => o.mediaIds)),
    // Tell the open inboxes (lib/realtime/webhook-signals.ts), one publish for all the events;
    // never throws, never waits on media.
    publishWebhookOutcomes(outcomes),
    // One confirmation per opt-out keyword, as a background task (never in this request).
    confirmOptOuts(outcomes.flatMap((o) => o.consent)),
  ]);
  // Campaigns whose recipients, counters or status moved, each once: throttled, never throws.
  const campaigns = new Map(outcomes.flatMap((o) => o.campaigns).map((c) => [`${c.workspaceId}:${c.campaignId}`, c]));
  for (const { workspaceId, campaignId } of campaigns.values()) signalCampaignProgress(workspaceId, campaignId);
}

export const defaultWebhookHooks: WebhookHooks = {
  onProcessed: (outcome) => afterCommit([outcome]),
  onBatchProcessed: afterCommit,
};
