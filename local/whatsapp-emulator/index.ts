/**
 * A local WhatsApp Cloud API (Graph API) emulator: speaks Meta's endpoints, errors and webhooks so
 * Parley runs end to end with no Meta account (npm run dev), and so the Graph client and webhook
 * ingestion can be tested against real HTTP. See README.md.
 *
 *   const emulator = await startWhatsAppEmulator({ port: 0, appSecret, webhookUrl });
 *   await emulator.sendAsCustomer({ from: "16505551234", type: "text", text: "Hi" });
 */
import type { AddressInfo } from "node:net";
import type { CustomerMessageInput } from "./customer-schema";
import { Emulator, type InboundRecord } from "./emulator";
import { normalizeWaId } from "./ids";
import { createEmulatorServer } from "./server";
import { forceStatus } from "./control-routes";
import { DEFAULT_EMULATOR_PORT } from "./port";
import type {
  EmulatorFaults,
  EmulatorOptions,
  EmulatorPhoneNumber,
  MediaRecord,
  ReadReceiptRecord,
  SentMessageRecord,
  StatusError,
  TemplateQualityScore,
  TemplateRecord,
  TemplateReviewPolicy,
  TemplateSampleRecord,
  TemplateStatus,
  WebhookDelivery,
} from "./types";

export { ACME_PHONE_NUMBER } from "./phone-numbers";
export { signature } from "./webhooks";
export { CUSTOMER_MESSAGE_TYPES } from "./customer-schema";
export type { CustomerMessageInput, CustomerMessageType } from "./customer-schema";
export type { InboundRecord } from "./emulator";
export type * from "./types";

export { DEFAULT_EMULATOR_PORT, emulatorPort } from "./port";

/** Which template: by id, or by name and language (in `wabaId`, default the first number's WABA). */
export type TemplateSelector = { name: string; language: string; wabaId?: string } | { id: string };

export interface RunningEmulator {
  /** http://host:port, without a trailing slash; the Graph API base URL (append /v23.0/…). */
  url: string;
  port: number;
  phoneNumbers: EmulatorPhoneNumber[];
  stop(): Promise<void>;
  setFaults(faults: EmulatorOptions["faults"]): void;
  faults(): EmulatorFaults;
  /** Where webhooks go (undefined: not sent). */
  setWebhookUrl(url: string | undefined): void;
  /** Messages the business sent (accepted), oldest first, with the statuses announced so far. */
  sentMessages(filter?: { phoneNumberId?: string; waId?: string }): SentMessageRecord[];
  /** Read receipts / typing indicators the business sent. */
  readReceipts(): ReadReceiptRecord[];
  /** Inbound customer messages sent so far. */
  customerMessages(): InboundRecord[];
  templates(): TemplateRecord[];
  /** Sets a template's status and sends the message_template_status_update webhook. */
  setTemplateStatus(template: TemplateSelector, status: TemplateStatus, reason?: string): Promise<TemplateRecord>;
  /** Sets a template's quality score and sends message_template_quality_update. */
  setTemplateQuality(template: TemplateSelector, score: TemplateQualityScore): Promise<TemplateRecord>;
  /** Sets a number's quality rating; crossing RED sends phone_number_quality_update (FLAGGED / UNFLAGGED). */
  setNumberQuality(quality: "GREEN" | "YELLOW" | "RED", phoneNumberId?: string): Promise<void>;
  /** Re-categorises a template, as Meta may after approval, and sends template_category_update. */
  changeTemplateCategory(template: TemplateSelector, category: TemplateRecord["category"]): Promise<TemplateRecord>;
  /** How templates created or edited from now on are reviewed (replaces the policy; reset() restores the start option). */
  setReviewPolicy(policy: TemplateReviewPolicy): void;
  reviewPolicy(): TemplateReviewPolicy;
  /** Files received through the Resumable Upload API (template media samples), oldest first. */
  templateSamples(): TemplateSampleRecord[];
  /** The bytes behind a sample's file handle (`example.header_handle`). */
  templateSampleBytes(handle: string): Buffer | undefined;
  /** Stores a sample as a finished upload would, without HTTP; its handle, for templates a test creates. */
  uploadTemplateSample(bytes: Buffer, mimeType: string, fileName?: string): string;
  media(): MediaRecord[];
  /** The bytes of a stored media. */
  mediaBytes(mediaId: string): Buffer | undefined;
  /** Makes every media download URL issued so far expired. */
  expireMediaUrls(): void;
  /** Opens (or resets) the 24-hour window of a customer, as an inbound message would, without a webhook. */
  openWindow(waId: string, options?: { phoneNumberId?: string; at?: number; referral?: boolean }): void;
  /** Sends a status webhook of your choosing for a sent message (e.g. failed with 131049 or 131050). */
  emitStatus(
    wamid: string,
    status: "sent" | "delivered" | "read" | "failed",
    error?: Pick<StatusError, "code" | "title"> & { details?: string },
  ): Promise<void>;
  /** Webhook POSTs made so far (payload, signed body, attempts). */
  webhookDeliveries(): WebhookDelivery[];
  /** Resolves when no status, review or webhook delivery is pending. */
  settle(timeoutMs?: number): Promise<void>;
  /** Sends the pending webhook batch now (with webhookBatching). */
  flushWebhooks(): void;
  /** WABA ids the app subscribed to through POST /{waba-id}/subscribed_apps. */
  subscribedWabas(): string[];
  /** Back to the state right after start. */
  reset(): void;
  /** One inbound customer message: builds, signs and POSTs the webhook; resolves after delivery (or the last retry). */
  sendAsCustomer(
    input: CustomerMessageInput,
  ): Promise<{ wamid: string; mediaId?: string; delivered?: boolean; message: Record<string, unknown> }>;
  /** Several inbound messages in one webhook POST, as Meta may batch them. */
  sendAsCustomerBatch(inputs: CustomerMessageInput[]): Promise<{ wamids: string[]; delivered?: boolean }>;
}

export async function startWhatsAppEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const emulator = new Emulator(options);
  const server = createEmulatorServer(emulator);
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? DEFAULT_EMULATOR_PORT, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const publicHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  const url = `http://${publicHost}:${port}`;
  emulator.baseUrl = url;

  let stopped: Promise<void> | undefined;
  return {
    url,
    port,
    phoneNumbers: emulator.phones.all(),
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        emulator.stop();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return stopped;
    },
    setFaults: (faults) => emulator.faults.set(faults),
    faults: () => emulator.faults.get(),
    setWebhookUrl: (webhookUrl) => emulator.webhooks.setUrl(webhookUrl),
    sentMessages: (filter) =>
      emulator.sent.all({ phoneNumberId: filter?.phoneNumberId, waId: filter?.waId ? normalizeWaId(filter.waId) : undefined }),
    readReceipts: () => emulator.sent.readReceipts(),
    customerMessages: () => [...emulator.inbound],
    templates: () => emulator.templates.all(),
    async setTemplateStatus(selector, status, reason) {
      const template = findTemplate(emulator, selector);
      await emulator.setTemplateStatus(template, status, reason);
      return template;
    },
    async setTemplateQuality(selector, score) {
      const template = findTemplate(emulator, selector);
      await emulator.setTemplateQuality(template, score);
      return template;
    },
    async setNumberQuality(quality, phoneNumberId) {
      await emulator.setNumberQuality(emulator.phone(phoneNumberId), quality);
    },
    async changeTemplateCategory(selector, category) {
      const template = findTemplate(emulator, selector);
      await emulator.changeTemplateCategory(template, category);
      return template;
    },
    setReviewPolicy: (policy) => {
      emulator.reviewPolicy = { ...policy };
    },
    reviewPolicy: () => ({ ...emulator.reviewPolicy }),
    templateSamples: () => emulator.samples.all(),
    templateSampleBytes: (handle) => emulator.samples.sample(handle)?.bytes,
    uploadTemplateSample: (bytes, mimeType, fileName) => emulator.samples.add(EMULATOR_APP_ID, bytes, mimeType, fileName),
    media: () => emulator.media.all(),
    mediaBytes: (mediaId) => emulator.media.bytes(mediaId),
    expireMediaUrls: () => emulator.media.expireUrls(),
    openWindow: (waId, windowOptions) =>
      emulator.windows.recordInbound(
        emulator.phone(windowOptions?.phoneNumberId).phoneNumberId,
        normalizeWaId(waId),
        windowOptions?.at ?? emulator.now(),
        windowOptions?.referral ?? false,
      ),
    emitStatus: (wamid, status, error) => forceStatus(emulator, { wamid, status, error }),
    webhookDeliveries: () => emulator.webhooks.log(),
    settle: (timeoutMs) => emulator.tasks.settle(timeoutMs),
    flushWebhooks: () => emulator.webhooks.flush(),
    subscribedWabas: () => [...emulator.subscribedWabas],
    reset: () => emulator.reset(),
    async sendAsCustomer(input) {
      const result = await emulator.sendAsCustomer([input]);
      const record = result.messages[0]!;
      const mediaId = mediaIdOf(record.message);
      return { wamid: record.wamid, ...(mediaId ? { mediaId } : {}), delivered: result.delivered, message: record.message };
    },
    async sendAsCustomerBatch(inputs) {
      const result = await emulator.sendAsCustomer(inputs);
      return { wamids: result.messages.map((message) => message.wamid), delivered: result.delivered };
    },
  };
}

/** The app id `uploadTemplateSample` files its samples under (any numeric id is accepted over HTTP). */
export const EMULATOR_APP_ID = "400000000000001";

function findTemplate(emulator: Emulator, selector: TemplateSelector): TemplateRecord {
  const template =
    "id" in selector
      ? emulator.templates.byId(selector.id)
      : emulator.templates.find(selector.wabaId ?? emulator.phones.first().wabaId, selector.name, selector.language);
  if (!template) throw new Error(`whatsapp emulator: no template ${JSON.stringify(selector)}`);
  return template;
}

function mediaIdOf(message: Record<string, unknown>): string | undefined {
  const object = message[String(message.type)];
  return typeof object === "object" && object !== null && "id" in object && typeof object.id === "string" ? object.id : undefined;
}
