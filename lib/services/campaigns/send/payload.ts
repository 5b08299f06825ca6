/** The campaign tasks' payloads (trigger/campaign-launch.ts, trigger/campaign-send.ts). */
import { z } from "zod";

const id = z.string().min(1).max(64);

/** `launchVersion`: the plan the launch was queued for; a later reschedule or cancel bumps it and this run does nothing. */
export const campaignLaunchPayload = z.object({ workspaceId: id, campaignId: id, launchVersion: z.number().int().nonnegative() });
export type CampaignLaunchPayload = z.infer<typeof campaignLaunchPayload>;

export const campaignSendPayload = z.object({ workspaceId: id, campaignId: id });
export type CampaignSendPayload = z.infer<typeof campaignSendPayload>;
