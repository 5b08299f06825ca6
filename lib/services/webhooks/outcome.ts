/** What processing one stored event did: returned to callers and handed to hooks. */
import type { MessageStatus } from "@/lib/generated/prisma/enums";
import { CampaignTally, type TouchedCampaign } from "@/lib/services/campaigns/attribution/campaign-counters";
import type { ConsentChange } from "@/lib/services/contacts/consent";
import type { StatusUpdate } from "@/lib/whatsapp/webhook/status";

/** A status as applied to our message (or not: `messageId` null when we hold no message with that wamid). */
export interface AppliedStatus extends StatusUpdate {
  workspaceId: string;
  messageId: string | null;
  campaignRecipientId: string | null;
  previousStatus: MessageStatus | null;
  currentStatus: MessageStatus | null;
  /** True when this delivery moved the message's status forward. */
  changed: boolean;
}

export interface InsertedMessage {
  workspaceId: string;
  conversationId: string;
  contactId: string;
  messageId: string;
  wamid: string;
}

/** A template whose review status, quality or category the event changed (for the real-time `template.updated`). */
export interface UpdatedTemplate {
  workspaceId: string;
  templateId: string;
  /** The row's status after the event. */
  status: string;
  qualityScore?: string | null;
  category?: string;
}

export type ProcessResult =
  /** Done: processedAt set (notes, if any, in `error`). */
  | "processed"
  /** Applied, but statuses name messages we do not hold yet: left unprocessed for the sweep to retry. */
  | "deferred"
  /** Another worker holds it, or it was already processed: nothing done here. */
  | "not_claimed"
  /** Threw; rolled back; attempts + 1 and the error recorded for the sweep's backoff. */
  | "failed";

export interface EventOutcome {
  eventId: string;
  result: ProcessResult;
  inserted: InsertedMessage[];
  /** Inbound messages whose wamid was already stored (Meta's redeliveries). */
  duplicates: number;
  statuses: AppliedStatus[];
  templatesUpdated: number;
  /** The templates counted in `templatesUpdated`. */
  templates: UpdatedTemplate[];
  /** Media rows created with status `pending`: the download step's work list. */
  mediaIds: string[];
  /** Items skipped and why (malformed, unknown number, Meta's errors): stored in WebhookEvent.error. */
  notes: string[];
  /** Wamids of statuses for messages we do not (yet) hold. */
  waitingFor: string[];
  /** Contacts whose consent the event changed (a STOP keyword, Meta's 131050). */
  consent: ConsentChange[];
  /** Campaigns whose recipients, counters or status the event moved (progress signals after commit). */
  campaigns: TouchedCampaign[];
  error?: string;
}

export const NOTES_MAX_CHARS = 4_000;

/** Collects an event's outcome while it is applied. */
export class EventWork {
  readonly inserted: InsertedMessage[] = [];
  readonly statuses: AppliedStatus[] = [];
  readonly mediaIds: string[] = [];
  readonly notes: string[] = [];
  readonly waitingFor: string[] = [];
  readonly templates: UpdatedTemplate[] = [];
  readonly consent: ConsentChange[] = [];
  /** Campaign counter increments, written once at the end of the event (campaign-counters.ts). */
  readonly campaigns = new CampaignTally();
  duplicates = 0;
  templatesUpdated = 0;

  constructor(readonly eventId: string) {}

  note(text: string): void {
    if (this.notes.length < 100) this.notes.push(text.slice(0, 300));
  }

  outcome(result: ProcessResult): EventOutcome {
    return {
      eventId: this.eventId,
      result,
      inserted: this.inserted,
      duplicates: this.duplicates,
      statuses: this.statuses,
      templatesUpdated: this.templatesUpdated,
      templates: this.templates,
      mediaIds: this.mediaIds,
      notes: this.notes,
      waitingFor: this.waitingFor,
      consent: this.consent,
      campaigns: this.campaigns.touched(),
    };
  }
}

export function emptyOutcome(eventId: string, result: ProcessResult, error?: string): EventOutcome {
  return { ...new EventWork(eventId).outcome(result), ...(error ? { error } : {}) };
}

export function joinNotes(notes: string[]): string | null {
  if (notes.length === 0) return null;
  const text = notes.join("; ");
  return text.length > NOTES_MAX_CHARS ? `${text.slice(0, NOTES_MAX_CHARS - 1)}…` : text;
}
