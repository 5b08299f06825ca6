/**
 * Every background queue, declared once (STYLE.md, "Background tasks"). Tasks name their queue;
 * Trigger.dev reads these through the SDK's `queue()`, the embedded runner reads the same objects
 * (a queue's concurrencyLimit is its runs at once per server process there).
 */
import { queue } from "@trigger.dev/sdk";

/** Housekeeping over all workspaces (media and webhook-event retention): one run at a time is plenty. */
export const maintenanceQueue = queue({ name: "maintenance", concurrencyLimit: 1 });

/** Single messages the platform sends by itself (an opt-out's confirmation), a few at a time. */
export const messagesQueue = queue({ name: "messages", concurrencyLimit: 5 });

/** CSV imports: a few at once over all workspaces; one per workspace (the trigger's concurrencyKey). */
export const importsQueue = queue({ name: "imports", concurrencyLimit: 2 });

/** Campaign launches (materialising recipients): a few at once. */
export const campaignLaunchQueue = queue({ name: "campaign-launch", concurrencyLimit: 4 });

/**
 * Campaign sends: one run per phone number at a time (the trigger's concurrencyKey is the number),
 * its pace set by the number's shared SendPacer row; several numbers send side by side.
 */
export const campaignSendQueue = queue({ name: "campaign-send", concurrencyLimit: 8 });
