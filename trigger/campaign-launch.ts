/**
 * A campaign's launch, queued for its scheduled time by launchCampaign (key
 * `campaign-launch:<campaignId>:<launchVersion>`): materialises the recipients in one set-based
 * statement and starts the send task. A launch of an outdated plan (rescheduled, cancelled) does nothing.
 */
import { defineTask } from "@/lib/jobs/define";
import { campaignLaunchPayload } from "@/lib/services/campaigns/send/payload";
import { markCampaignLaunchFailed, runCampaignLaunch } from "@/lib/services/campaigns/send/launch";
import { campaignLaunchQueue } from "./queues";

export const campaignLaunch = defineTask({
  id: "campaign-launch",
  schema: campaignLaunchPayload,
  queue: campaignLaunchQueue,
  retry: { maxAttempts: 5, minTimeoutInMs: 2_000, maxTimeoutInMs: 60_000, factor: 2 },
  maxDuration: 600,
  run: (payload) => runCampaignLaunch(payload),
  onFailure: (payload, error) => markCampaignLaunchFailed(payload, error),
});
