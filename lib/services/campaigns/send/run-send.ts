/** The send task's body (trigger/campaign-send.ts). */
import type { CampaignSendPayload } from "./payload";

export type SendOutcome = "completed" | "paused" | "cancelled" | "waiting" | "stopped";

export async function runCampaignSend(payload: CampaignSendPayload): Promise<SendOutcome> {
  throw new Error(`campaign-send is being built (${payload.campaignId})`);
}
