/**
 * The confirmation a customer gets after writing an opt-out keyword (lib/services/contacts/
 * consent-reply.ts), enqueued by the webhook's onProcessed hook with the keyword message's id as
 * idempotency key. Retried on failure; the service itself never sends twice.
 */
import { defineTask } from "@/lib/jobs/define";
import { consentReplyPayload, sendOptOutConfirmation } from "@/lib/services/contacts/consent-reply";
import { messagesQueue } from "./queues";

export const consentReply = defineTask({
  id: "consent-reply",
  schema: consentReplyPayload,
  queue: messagesQueue,
  retry: { maxAttempts: 3, minTimeoutInMs: 5_000, maxTimeoutInMs: 60_000, factor: 2 },
  maxDuration: 60,
  run: (payload) => sendOptOutConfirmation(payload),
});
