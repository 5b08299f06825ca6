/**
 * A campaign's sends: claims queued recipients in batches, paced by the number's shared SendPacer,
 * until none is left or the campaign is paused or cancelled. Safe to run twice or to retry after a
 * crash: a recipient is claimed once, and a claimed one is settled by reconciliation, not resent.
 * Queued with the phone number as concurrency key (one run per number at a time on Trigger.dev).
 */
import { defineTask } from "@/lib/jobs/define";
import { campaignSendPayload } from "@/lib/services/campaigns/send/payload";
import { runCampaignSend } from "@/lib/services/campaigns/send/run-send";
import { campaignSendQueue } from "./queues";

export const campaignSend = defineTask({
  id: "campaign-send",
  schema: campaignSendPayload,
  queue: campaignSendQueue,
  retry: { maxAttempts: 10, minTimeoutInMs: 1_000, maxTimeoutInMs: 30_000, factor: 2 },
  // 100,000 recipients at 80/s is ~21 minutes; a longer campaign continues in the retried run.
  maxDuration: 3_600,
  run: (payload) => runCampaignSend(payload),
});
