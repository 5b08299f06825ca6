/**
 * The emulator's state and operations, wired together: phone numbers, media, templates, windows,
 * faults, the sent log, status scheduling and webhooks. Routes and the public API call into it.
 */
import { buildInbound, type BuiltInbound } from "./customer-messages";
import { customerMessageSchema, type CustomerMessageInput } from "./customer-schema";
import { Faults } from "./faults";
import { graphError } from "./graph-errors";
import { MediaStore } from "./media-store";
import { ACME_PHONE_NUMBER, PhoneNumbers } from "./phone-numbers";
import { Conversations } from "./pricing";
import { SentLog } from "./sent-log";
import { DEFAULT_STATUS_OPTIONS, StatusScheduler } from "./statuses";
import { Tasks } from "./tasks";
import { TemplateSamples } from "./template-samples";
import { DEFAULT_TEMPLATES, Templates } from "./templates";
import type {
  EmulatorOptions,
  EmulatorPhoneNumber,
  EmulatorStatusOptions,
  TemplateQualityScore,
  TemplateRecord,
  TemplateReviewPolicy,
  TemplateStatus,
} from "./types";
import { WebhookSender } from "./webhooks";
import { Windows } from "./windows";

export interface InboundRecord {
  wamid: string;
  phoneNumberId: string;
  waId: string;
  type: string;
  message: Record<string, unknown>;
  at: number;
  delivered: boolean | undefined;
}

export class Emulator {
  readonly now: () => number;
  readonly random: () => number;
  readonly tasks = new Tasks();
  readonly phones: PhoneNumbers;
  readonly media: MediaStore;
  readonly templates: Templates;
  /** Resumable Upload API sessions and the sample files (handles) they produced. */
  readonly samples: TemplateSamples;
  /** How templates are reviewed now (options.templateReview, or what setReviewPolicy set since). */
  reviewPolicy: TemplateReviewPolicy;
  readonly windows: Windows;
  readonly faults: Faults;
  readonly sent = new SentLog();
  readonly conversations = new Conversations();
  readonly webhooks: WebhookSender;
  readonly statuses: StatusScheduler;
  readonly statusOptions: Required<EmulatorStatusOptions>;
  readonly inbound: InboundRecord[] = [];
  /** WABAs the app subscribed to (POST /{waba-id}/subscribed_apps), as Meta records it. */
  readonly subscribedWabas = new Set<string>();
  /** Set once listening. */
  baseUrl = "";

  constructor(readonly options: EmulatorOptions) {
    if (!options.appSecret) throw new Error("whatsapp emulator: appSecret is required (it signs every webhook)");
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.phones = new PhoneNumbers(options.phoneNumbers ?? [ACME_PHONE_NUMBER]);
    this.media = new MediaStore(this.now);
    this.samples = new TemplateSamples(this.now);
    this.templates = new Templates(this.now, (handle) => this.samples.sample(handle)?.record.mimeType);
    this.reviewPolicy = { ...(options.templateReview ?? {}) };
    this.windows = new Windows(this.now);
    this.faults = new Faults(options.faults ?? {}, this.now, this.random);
    this.statusOptions = { ...DEFAULT_STATUS_OPTIONS, ...stripUndefined(options.statuses ?? {}) };
    this.webhooks = new WebhookSender({
      url: options.webhookUrl,
      appSecret: options.appSecret,
      attempts: options.webhookRetry?.attempts ?? 4,
      baseDelayMs: options.webhookRetry?.baseDelayMs ?? 250,
      timeoutMs: options.webhookRetry?.timeoutMs ?? 10_000,
      batching: options.webhookBatching
        ? { windowMs: options.webhookBatching.windowMs ?? 50, maxEvents: options.webhookBatching.maxEvents ?? 100 }
        : undefined,
      concurrency: Math.max(1, options.webhookConcurrency ?? 32),
      tasks: this.tasks,
      now: this.now,
      log: (line) => this.log(line),
    });
    this.statuses = new StatusScheduler({
      options: this.statusOptions,
      windows: this.windows,
      conversations: this.conversations,
      sent: this.sent,
      webhooks: this.webhooks,
      tasks: this.tasks,
      now: this.now,
      random: this.random,
    });
    this.seedTemplates();
  }

  log(line: string): void {
    if (this.options.log) console.error(`[whatsapp-emulator] ${line}`);
  }

  private seedTemplates(): void {
    const wabaId = this.phones.first().wabaId;
    const seeds = this.options.templates ?? DEFAULT_TEMPLATES.map((template) => ({ ...template, wabaId }));
    for (const seed of seeds) this.templates.seed({ ...seed, wabaId: seed.wabaId ?? wabaId });
  }

  phone(phoneNumberId: string | undefined): EmulatorPhoneNumber {
    const phone = phoneNumberId ? this.phones.get(phoneNumberId) : this.phones.first();
    if (!phone) throw graphError(400, { message: `Unknown phone number id ${phoneNumberId ?? ""}`, code: 100 });
    return phone;
  }

  /** One or more inbound customer messages, delivered in one webhook POST. */
  async sendAsCustomer(
    inputs: CustomerMessageInput[],
    options: { batch?: boolean } = {},
  ): Promise<{ messages: InboundRecord[]; delivered: boolean | undefined }> {
    const built: { phone: EmulatorPhoneNumber; inbound: BuiltInbound }[] = [];
    for (const raw of inputs) {
      const parsed = customerMessageSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw graphError(400, { message: `Invalid customer message: ${issue.path.join(".") || "input"}: ${issue.message}`, code: 100 });
      }
      const input = parsed.data;
      const phone = this.phone(input.phoneNumberId);
      const inbound = buildInbound(phone, input, { media: this.media, sent: this.sent, nowSeconds: Math.floor(this.now() / 1000) });
      if (inbound.opensWindow)
        this.windows.recordInbound(
          phone.phoneNumberId,
          inbound.waId,
          input.timestamp ? input.timestamp * 1000 : this.now(),
          inbound.referral,
        );
      built.push({ phone, inbound });
    }
    const records: InboundRecord[] = built.map(({ phone, inbound }) => ({
      wamid: inbound.wamid,
      phoneNumberId: phone.phoneNumberId,
      waId: inbound.waId,
      type: String(inbound.message.type),
      message: inbound.message,
      at: this.now(),
      delivered: undefined,
    }));
    this.inbound.push(...records);
    if (this.inbound.length > 10_000) this.inbound.splice(0, this.inbound.length - 10_000);
    const delivery = await this.webhooks.send(
      built.map(({ phone, inbound }) => ({ field: "messages" as const, phone, contact: inbound.contact, message: inbound.message })),
      options,
    );
    const delivered = delivery ? delivery.delivered : undefined;
    for (const record of records) record.delivered = delivered;
    return { messages: records, delivered };
  }

  /** Changes a template's status and announces it with a message_template_status_update webhook. */
  setTemplateStatus(template: TemplateRecord, status: TemplateStatus, reason?: string): Promise<unknown> {
    this.templates.setStatus(template, status, reason);
    const value: Record<string, unknown> = {
      event: status,
      message_template_id: Number(template.id),
      message_template_name: template.name,
      message_template_language: template.language,
      reason: status === "REJECTED" ? (reason ?? "INVALID_FORMAT") : (reason ?? "NONE"),
      message_template_category: template.category,
    };
    if (status === "PAUSED")
      value.other_info = {
        title: "FIRST_PAUSE",
        description: "Your WhatsApp message template has been paused for 3 hours until 1:00 PM UTC because of low quality.",
      };
    if (status === "DISABLED")
      value.other_info = { title: "DISABLED", description: "Your WhatsApp message template has been disabled because of low quality." };
    this.log(`template ${template.name}/${template.language} → ${status}`);
    return this.webhooks.send([{ field: "message_template_status_update", wabaId: template.wabaId, value }], { batch: false });
  }

  /** Schedules the review of a newly created or edited (PENDING) template, by the review policy of now. */
  scheduleReview(template: TemplateRecord): void {
    const review = { ...this.reviewPolicy };
    const components = template.components;
    this.tasks.later(review.delayMs ?? 1000, () => {
      // Dropped when the template was deleted, forced to another status, or edited again (a later review owns it).
      if (this.templates.byId(template.id) !== template || template.status !== "PENDING" || template.components !== components)
        return undefined;
      const outcome = review.outcome ?? ((review.rejectProbability ?? 0) > 0 ? "random" : "approve");
      const rejected = outcome === "reject" || (outcome === "random" && this.random() < (review.rejectProbability ?? 0.5));
      return this.setTemplateStatus(template, rejected ? "REJECTED" : "APPROVED", rejected ? (review.reason ?? "INVALID_FORMAT") : "NONE");
    });
  }

  /** Sets the template's quality score and sends message_template_quality_update (as Meta does when it changes). */
  setTemplateQuality(template: TemplateRecord, score: TemplateQualityScore): Promise<unknown> {
    const previous = this.templates.setQuality(template, score);
    this.log(`template ${template.name}/${template.language} quality ${previous} → ${score}`);
    return this.webhooks.send(
      [
        {
          field: "message_template_quality_update",
          wabaId: template.wabaId,
          value: {
            previous_quality_score: previous,
            new_quality_score: score,
            message_template_id: Number(template.id),
            message_template_name: template.name,
            message_template_language: template.language,
          },
        },
      ],
      { batch: false },
    );
  }

  /**
   * Sets a business number's quality rating (its Graph node shows it) and, when it crosses RED,
   * sends phone_number_quality_update as Meta does: FLAGGED on the way down, UNFLAGGED on the way back.
   */
  setNumberQuality(number: EmulatorPhoneNumber, rating: NonNullable<EmulatorPhoneNumber["qualityRating"]>): Promise<unknown> {
    const previous = number.qualityRating ?? "GREEN";
    number.qualityRating = rating;
    this.log(`number ${number.displayPhoneNumber} quality ${previous} → ${rating}`);
    const event = rating === "RED" && previous !== "RED" ? "FLAGGED" : previous === "RED" && rating !== "RED" ? "UNFLAGGED" : null;
    if (!event) return Promise.resolve();
    return this.webhooks.send(
      [
        {
          field: "phone_number_quality_update",
          wabaId: number.wabaId,
          value: { display_phone_number: number.displayPhoneNumber.replace(/\D/g, ""), event, current_limit: "TIER_1K", max_daily_conversations_per_business: "TIER_1K" },
        },
      ],
      { batch: false },
    );
  }

  /** Changes the template's category, as Meta's re-categorisation does, and sends template_category_update. */
  changeTemplateCategory(template: TemplateRecord, category: TemplateRecord["category"]): Promise<unknown> {
    const previous = template.category;
    template.previousCategory = previous;
    template.category = category;
    this.log(`template ${template.name}/${template.language} category ${previous} → ${category}`);
    return this.webhooks.send(
      [
        {
          field: "template_category_update",
          wabaId: template.wabaId,
          value: {
            message_template_id: Number(template.id),
            message_template_name: template.name,
            message_template_language: template.language,
            previous_category: previous,
            new_category: category,
          },
        },
      ],
      { batch: false },
    );
  }

  /** Back to the state right after start: no messages, media, windows or deliveries; seed templates; initial faults. */
  reset(): void {
    this.tasks.cancelAll();
    this.sent.clear();
    this.media.clear();
    this.windows.clear();
    this.conversations.clear();
    this.templates.clear();
    this.samples.clear();
    this.reviewPolicy = { ...(this.options.templateReview ?? {}) };
    this.seedTemplates();
    this.faults.reset();
    this.webhooks.clearLog();
    this.inbound.length = 0;
    this.subscribedWabas.clear();
  }

  stop(): void {
    this.tasks.stop();
    this.webhooks.stop();
  }
}

function stripUndefined<T extends object>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as Partial<T>;
}
