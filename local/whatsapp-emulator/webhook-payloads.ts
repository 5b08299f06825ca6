/**
 * Builds Meta's webhook bodies from events: one entry per WABA, one `messages` change per business
 * number (its contacts, messages and statuses merged, as Meta batches them), one entry per
 * template status, quality or category update (whose entry carries `time`).
 */
import type { JsonObject } from "./http";
import { displayDigits } from "./phone-numbers";
import type { EmulatorPhoneNumber } from "./types";

export interface InboundContact {
  profile: { name: string };
  wa_id: string;
}

export type WebhookEvent =
  | { field: "messages"; phone: EmulatorPhoneNumber; contact?: InboundContact; message: JsonObject }
  | { field: "messages"; phone: EmulatorPhoneNumber; status: JsonObject }
  | { field: TemplateWebhookField; wabaId: string; value: JsonObject };

/** The WABA-level fields (templates, the number's quality); each change gets its own entry, which carries `time`. */
export const TEMPLATE_WEBHOOK_FIELDS = [
  "message_template_status_update",
  "message_template_quality_update",
  "template_category_update",
  "phone_number_quality_update",
] as const;
export type TemplateWebhookField = (typeof TEMPLATE_WEBHOOK_FIELDS)[number];

export interface WebhookPayload {
  object: "whatsapp_business_account";
  entry: { id: string; time?: number; changes: { value: JsonObject; field: string }[] }[];
}

interface MessagesValue {
  messaging_product: "whatsapp";
  metadata: { display_phone_number: string; phone_number_id: string };
  contacts?: InboundContact[];
  messages?: JsonObject[];
  statuses?: JsonObject[];
}

export function buildPayload(events: WebhookEvent[], nowMs: number): WebhookPayload {
  const entries: WebhookPayload["entry"] = [];
  const messageEntries = new Map<string, { entry: WebhookPayload["entry"][number]; values: Map<string, MessagesValue> }>();

  for (const event of events) {
    if (event.field !== "messages") {
      entries.push({ id: event.wabaId, time: Math.floor(nowMs / 1000), changes: [{ value: event.value, field: event.field }] });
      continue;
    }
    const wabaId = event.phone.wabaId;
    let group = messageEntries.get(wabaId);
    if (!group) {
      group = { entry: { id: wabaId, changes: [] }, values: new Map() };
      messageEntries.set(wabaId, group);
      entries.push(group.entry);
    }
    let value = group.values.get(event.phone.phoneNumberId);
    if (!value) {
      value = {
        messaging_product: "whatsapp",
        metadata: { display_phone_number: displayDigits(event.phone), phone_number_id: event.phone.phoneNumberId },
      };
      group.values.set(event.phone.phoneNumberId, value);
      group.entry.changes.push({ value: value as unknown as JsonObject, field: "messages" });
    }
    if ("status" in event) {
      (value.statuses ??= []).push(event.status);
    } else {
      if (event.contact && !value.contacts?.some((contact) => contact.wa_id === event.contact!.wa_id))
        (value.contacts ??= []).push(event.contact);
      (value.messages ??= []).push(event.message);
    }
  }
  return { object: "whatsapp_business_account", entry: entries };
}
