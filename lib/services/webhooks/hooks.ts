/**
 * Extension points of webhook processing, for features built on top of it:
 * - campaigns read `biz_opaque_callback_data` from `onStatus` to move their recipients along
 *   (inside the same transaction, so a recipient never advances without its message's status);
 * - real-time fan-out and the media download step start from `onProcessed`.
 * The route handler and the recovery sweep both use `defaultWebhookHooks`: register here.
 */
import type { Prisma } from "@/lib/db";
import { publishWebhookOutcome } from "@/lib/realtime/webhook-signals";
import { downloadMediaSoon } from "@/lib/services/media/inbound/background";
import { confirmOptOuts } from "@/lib/services/contacts/confirm-opt-outs";
import type { AppliedStatus, EventOutcome } from "./outcome";

export interface WebhookHooks {
  /**
   * Every status of the event, applied or not (`messageId` null: we hold no such message), inside
   * the event's transaction: use only `tx`. Return true when the status was recognised without a
   * Message row (e.g. by a campaign recipient's wamid), so the event is not held back waiting for
   * one. Called again for redeliveries and retries: must be idempotent (move state forward only).
   */
  onStatus?: (tx: Prisma.TransactionClient, status: AppliedStatus) => Promise<boolean | void>;
  /** After the event's transaction committed. Errors are logged; they never un-process the event. */
  onProcessed?: (outcome: EventOutcome) => Promise<void>;
}

export const defaultWebhookHooks: WebhookHooks = {
  onProcessed: async (outcome) => {
    await Promise.all([
      // The event's media rows are committed: fetch their bytes now, in the media step's own bounded
      // pool (lib/services/media/inbound/background.ts); its sweep finishes whatever is left.
      downloadMediaSoon(outcome.mediaIds),
      // Tell the open inboxes (lib/realtime/webhook-signals.ts); never throws, never waits on media.
      publishWebhookOutcome(outcome),
      // One confirmation per opt-out keyword, as a background task (never in this request).
      confirmOptOuts(outcome.consent),
    ]);
  },
};
