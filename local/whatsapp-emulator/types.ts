/**
 * The emulator's public types: options, phone numbers, and what tests can inspect. Kept apart from
 * the implementation so the modules that need a type never import the server.
 */

export interface EmulatorPhoneNumber {
  phoneNumberId: string;
  wabaId: string;
  /** As Meta shows it on the phone number node ("+1 555-010-0001"); webhooks carry its digits. */
  displayPhoneNumber: string;
  verifiedName: string;
  accessToken: string;
  qualityRating?: "GREEN" | "YELLOW" | "RED";
  throughputLevel?: "STANDARD" | "HIGH";
}

export interface EmulatorFaults {
  /** Messages a second per phone number (token bucket). Unset: Meta's cap for the number's level (80, or 1,000 when HIGH). 0: no cap. */
  throughputPerSecond?: number;
  /** Share of Graph API requests answered with HTTP 500 (code 131000 by default), 0–1. */
  random5xxRate?: number;
  /** The code those 5xx answers carry: 131000 ("Something went wrong") or 2 ("Service temporarily unavailable"). */
  random5xxCode?: 2 | 131000;
  /** Delay before every Graph API answer, in ms. */
  slowMs?: number;
  /** Share of media download URL GETs (`GET {url}` of a media node) answered HTTP 500 in plain text, 0–1. */
  mediaDownload5xxRate?: number;
  /**
   * Share of media download URL GETs that serve the bytes with one byte changed, 0–1: their
   * SHA-256 no longer matches the media node's (hex) nor the webhook's (base64), as after a
   * corrupted transfer. The stored media is untouched.
   */
  mediaCorruptRate?: number;
  /** wa_ids (or phone numbers, any formatting) whose messages are accepted, then fail with 131026. */
  undeliverable?: string[];
  /** Pair rate limit (131056): more than `messages` to one recipient within `windowMs` (default 6 s). Off unless set. */
  pairRateLimit?: { messages: number; windowMs?: number };
  /** HTTP status of the 130429 / 131056 answers (mirrors disagree; code is what counts). Default 400. */
  rateLimitHttpStatus?: 400 | 429;
}

export interface EmulatorStatusOptions {
  sentDelayMs?: number;
  deliveredDelayMs?: number;
  readDelayMs?: number;
  deliveredProbability?: number;
  readProbability?: number;
  /**
   * The `conversation` object of status webhooks. "by-version" (default): as Meta does for the
   * Graph version the message was sent with: v23.0 and older always, v24.0+ only for a free entry
   * point conversation. "always" / "free-entry-point-only" force either behaviour.
   */
  conversation?: "by-version" | "always" | "free-entry-point-only";
}

export interface EmulatorTemplateSeed {
  name: string;
  language: string;
  category: "MARKETING" | "UTILITY" | "AUTHENTICATION";
  components: unknown[];
  parameterFormat?: "POSITIONAL" | "NAMED";
  status?: TemplateStatus;
  /** Defaults to the first phone number's WABA. */
  wabaId?: string;
}

export interface EmulatorOptions {
  /** Default 4010; 0 = any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Where to POST webhooks; unset = don't call back. */
  webhookUrl?: string;
  /** Signs every webhook: X-Hub-Signature-256: sha256=<hex hmac of raw body>. */
  appSecret: string;
  /** Default: [ACME_PHONE_NUMBER]. */
  phoneNumbers?: EmulatorPhoneNumber[];
  statuses?: EmulatorStatusOptions;
  /** PENDING → APPROVED | REJECTED, announced by a message_template_status_update webhook. */
  templateReview?: TemplateReviewPolicy;
  faults?: EmulatorFaults;
  /** Injectable for deterministic tests (probabilities of delivery, read, rejection and 5xx). */
  random?: () => number;
  /** Injectable clock in ms (the 24-hour window, media URL expiry, throughput). Default Date.now. */
  now?: () => number;
  /** Templates present at start (and after reset). Default: an APPROVED `hello_world` (en_US). */
  templates?: EmulatorTemplateSeed[];
  /** Webhook delivery: attempts per POST (default 4) and the first backoff (default 250 ms, doubling). */
  webhookRetry?: { attempts?: number; baseDelayMs?: number; timeoutMs?: number };
  /** Webhook POSTs in flight at most (default 32); the rest wait their turn. */
  webhookConcurrency?: number;
  /** Batch webhook events (messages and statuses) produced within `windowMs` into one POST, up to `maxEvents`. Off unless set. */
  webhookBatching?: { windowMs?: number; maxEvents?: number };
  /** Log one line per request and webhook to stderr. */
  log?: boolean;
}

/**
 * How submitted (and edited) templates are reviewed: after `delayMs` (default 1000), approved, or
 * rejected with `reason` (default INVALID_FORMAT). `outcome` "random" rejects with probability
 * `rejectProbability` (default 0.5 then); without `outcome`, a `rejectProbability` above 0 means
 * "random" and otherwise every template is approved.
 */
export interface TemplateReviewPolicy {
  delayMs?: number;
  outcome?: "approve" | "reject" | "random";
  rejectProbability?: number;
  reason?: string;
}

export type TemplateQualityScore = "GREEN" | "YELLOW" | "RED" | "UNKNOWN";

/** A file received through the Resumable Upload API: what `example.header_handle` names. */
export interface TemplateSampleRecord {
  /** The file handle (`h`) the upload ended with. */
  handle: string;
  /** The upload session, "upload:…?sig=…". */
  sessionId: string;
  appId: string;
  fileName: string;
  mimeType: string;
  fileSize: number;
  /** Hex SHA-256 of the bytes. */
  sha256: string;
  createdAt: number;
}

export type TemplateStatus = "PENDING" | "APPROVED" | "REJECTED" | "PAUSED" | "DISABLED" | "IN_APPEAL" | "LIMIT_EXCEEDED";

export type MessageStatus = "sent" | "delivered" | "read" | "failed";

export interface StatusError {
  code: number;
  title: string;
  message: string;
  error_data: { details: string };
  href?: string;
}

export interface SentStatusRecord {
  status: MessageStatus;
  /** Unix seconds, as in the webhook. */
  timestamp: string;
  errors?: StatusError[];
}

export interface SentMessageRecord {
  wamid: string;
  phoneNumberId: string;
  /** `to` as the business sent it. */
  to: string;
  waId: string;
  type: string;
  /** The JSON body of the send request, as received. */
  request: Record<string, unknown>;
  graphVersion: string;
  acceptedAt: number;
  bizOpaqueCallbackData?: string;
  /** Statuses announced so far, oldest first. */
  statuses: SentStatusRecord[];
}

export interface MediaRecord {
  id: string;
  phoneNumberId: string;
  mimeType: string;
  fileSize: number;
  /** Hex SHA-256 of the bytes (the media node's `sha256`); inbound webhooks carry it base64. */
  sha256: string;
  filename?: string;
  origin: "upload" | "customer";
  createdAt: number;
}

export interface TemplateRecord {
  id: string;
  wabaId: string;
  name: string;
  language: string;
  category: "MARKETING" | "UTILITY" | "AUTHENTICATION";
  status: TemplateStatus;
  components: unknown[];
  parameterFormat: "POSITIONAL" | "NAMED";
  rejectedReason?: string;
  /** As the template node's `quality_score`; `date` in Unix seconds. UNKNOWN until rated. */
  qualityScore: { score: TemplateQualityScore; date: number };
  /** The category before Meta (or `changeTemplateCategory`) last changed it. */
  previousCategory?: "MARKETING" | "UTILITY" | "AUTHENTICATION";
  /** When the template was edited while APPROVED (ms), for Meta's 1-a-day / 10-in-30-days limit. */
  approvedEdits: number[];
}

export interface ReadReceiptRecord {
  phoneNumberId: string;
  messageId: string;
  typingIndicator: boolean;
  at: number;
}

export interface WebhookAttempt {
  at: number;
  status?: number;
  error?: string;
}

export interface WebhookDelivery {
  id: number;
  /** The payload, parsed; `body` is the exact signed string. */
  payload: unknown;
  body: string;
  attempts: WebhookAttempt[];
  delivered: boolean;
}
