/**
 * After a webhook event committed: each opt-out a customer wrote (keyword) gets its confirmation
 * reply queued as a background task, keyed by the keyword message, so a redelivery, a retried
 * hook or a second server queues nothing new. Opt-outs Meta reported (131050) get none: the user
 * asked Meta, not us, and a message to them would be refused anyway.
 */
import { enqueue } from "@/lib/jobs/enqueue";
import { logger } from "@/lib/log";
import { consentReply } from "@/trigger/consent-reply";
import type { ConsentChange } from "./consent";

const log = logger("contacts.consent");

export async function confirmOptOuts(changes: ConsentChange[]): Promise<void> {
  for (const change of changes) {
    if (change.kind !== "opt_out" || change.source !== "keyword") continue;
    try {
      await enqueue(consentReply, { workspaceId: change.workspaceId, messageId: change.messageId }, { idempotencyKey: `consent-reply:${change.messageId}`, concurrencyKey: change.workspaceId });
    } catch (error) {
      log.error({ err: error, messageId: change.messageId }, "could not queue the opt-out confirmation");
    }
  }
}
