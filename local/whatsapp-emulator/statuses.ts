/**
 * After an accepted send: the status webhooks, as Meta sends them. sent → delivered → read at the
 * configured delays and probabilities, with pricing on sent and delivered; or a single `failed`
 * (131026 undeliverable, 131047 outside the 24-hour window, 131053 media) with `errors[]`.
 */
import { statusError } from "./graph-errors";
import { billingFor, conversationObject, type Conversations, pricingObject, type Billing } from "./pricing";
import type { SentLog } from "./sent-log";
import type { Tasks } from "./tasks";
import type { EmulatorPhoneNumber, EmulatorStatusOptions, MessageStatus, SentMessageRecord, StatusError, TemplateRecord } from "./types";
import type { WebhookSender } from "./webhooks";
import type { Windows } from "./windows";

export const DEFAULT_STATUS_OPTIONS: Required<EmulatorStatusOptions> = {
  sentDelayMs: 100,
  deliveredDelayMs: 400,
  readDelayMs: 1500,
  deliveredProbability: 1,
  readProbability: 0.8,
  conversation: "by-version",
};

export interface StatusDeps {
  options: Required<EmulatorStatusOptions>;
  windows: Windows;
  conversations: Conversations;
  sent: SentLog;
  webhooks: WebhookSender;
  tasks: Tasks;
  now: () => number;
  random: () => number;
}

export const UNDELIVERABLE = () => statusError(131026, "Message undeliverable", "Message Undeliverable.");
export const RE_ENGAGEMENT = () =>
  statusError(
    131047,
    "Re-engagement message",
    "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
  );

export class StatusScheduler {
  constructor(private readonly deps: StatusDeps) {}

  /** Plans the statuses of an accepted message (the window is judged now, at acceptance). */
  schedule(
    phone: EmulatorPhoneNumber,
    record: SentMessageRecord,
    info: { template?: TemplateRecord; asyncFailure?: StatusError; undeliverable: boolean },
  ): void {
    const { options, windows, tasks, random, now } = this.deps;
    const at = now();
    const failure = info.undeliverable
      ? UNDELIVERABLE()
      : !info.template && !windows.isOpen(record.phoneNumberId, record.waId, at)
        ? RE_ENGAGEMENT()
        : info.asyncFailure;
    if (failure) {
      tasks.later(options.sentDelayMs, () => this.emit(phone, record, "failed", { errors: [failure] }));
      return;
    }
    const billing = billingFor({
      phoneNumberId: record.phoneNumberId,
      waId: record.waId,
      template: info.template,
      graphVersion: record.graphVersion,
      now: at,
      windows,
      conversations: this.deps.conversations,
      mode: options.conversation,
    });
    const sentAt = options.sentDelayMs;
    const deliveredAt = Math.max(sentAt, options.deliveredDelayMs);
    const readAt = Math.max(deliveredAt, options.readDelayMs);
    const delivered = random() < options.deliveredProbability;
    const read = delivered && random() < options.readProbability;
    // Each status is scheduled once the previous one's webhook has been delivered (or given up on),
    // not merely when it was posted: with 5 ms gaps, a slow POST of `delivered` let `read` reach the
    // receiver first. (Nor all three at once: Node runs every due timer of one duration list before
    // an earlier-due timer of another, so independent timers could fire read → sent → delivered.)
    // When webhooks are batched, a send resolves only as its window closes; waiting for it would
    // put every status in a window of its own, so the next one is scheduled as this one is queued.
    const delivery = (sending: Promise<unknown>) => (this.deps.webhooks.batches ? undefined : sending);
    tasks.later(sentAt, async () => {
      await delivery(this.emit(phone, record, "sent", { billing, expiration: true }));
      if (!delivered) return;
      tasks.later(deliveredAt - sentAt, async () => {
        await delivery(this.emit(phone, record, "delivered", { billing }));
        if (read) tasks.later(readAt - deliveredAt, () => this.emit(phone, record, "read", {}));
      });
    });
  }

  /** Sends one status webhook now (also used by the control API to force a status). */
  emit(
    phone: EmulatorPhoneNumber,
    record: SentMessageRecord,
    status: MessageStatus,
    extra: { billing?: Billing; expiration?: boolean; errors?: StatusError[] },
  ): Promise<unknown> {
    const timestamp = String(Math.floor(this.deps.now() / 1000));
    record.statuses.push({ status, timestamp, ...(extra.errors ? { errors: extra.errors } : {}) });
    const conversation = extra.billing ? conversationObject(extra.billing, extra.expiration === true) : undefined;
    const value: Record<string, unknown> = {
      id: record.wamid,
      status,
      timestamp,
      recipient_id: record.waId,
      ...(record.bizOpaqueCallbackData !== undefined ? { biz_opaque_callback_data: record.bizOpaqueCallbackData } : {}),
      ...(conversation ? { conversation } : {}),
      ...(extra.billing ? { pricing: pricingObject(extra.billing) } : {}),
      ...(extra.errors ? { errors: extra.errors } : {}),
    };
    return this.deps.webhooks.send([{ field: "messages", phone, status: value }]);
  }
}
