/**
 * Every task of trigger/, for the embedded runner (lib/jobs/local), which starts a worker for
 * each. Trigger.dev finds the tasks itself (trigger.config.ts, `dirs`); a task missing here would
 * run there and never locally, which trigger/catalog.test.ts catches.
 */
import type { DefinedScheduledTask, DefinedTask } from "@/lib/jobs/define";
import { campaignLaunch } from "./campaign-launch";
import { campaignSend } from "./campaign-send";
import { consentReply } from "./consent-reply";
import { contactImport } from "./contact-import";
import { mediaRetention } from "./media-retention";
import { templateSync } from "./template-sync";
import { webhookRetention } from "./webhook-retention";

export const TASKS: DefinedTask[] = [consentReply, contactImport, campaignLaunch, campaignSend];

export const SCHEDULED_TASKS: DefinedScheduledTask[] = [mediaRetention, webhookRetention, templateSync];
