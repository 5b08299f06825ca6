/**
 * The `pricing` and `conversation` objects of status webhooks, per-message pricing (PMP, since
 * July 2025): free inside the customer-service window for service messages and utility templates,
 * free in a free entry point window, billable ("regular") otherwise.
 */
import { conversationId } from "./ids";
import { SERVICE_WINDOW_MS, type Windows } from "./windows";
import type { EmulatorStatusOptions, TemplateRecord } from "./types";

export interface Billing {
  category: string;
  type: "regular" | "free_customer_service" | "free_entry_point";
  /** The conversation the message belongs to, when the status webhooks show it. */
  conversation?: { id: string; expiresAt: number; originType: string };
}

interface Conversation {
  id: string;
  expiresAt: number;
}

export class Conversations {
  private readonly open = new Map<string, Conversation>();

  /** The open conversation of that (number, customer, category), or a new one expiring at `expiresAt`. */
  get(key: string, now: number, expiresAt: number): Conversation {
    const existing = this.open.get(key);
    if (existing && existing.expiresAt > now) return existing;
    const conversation = { id: conversationId(), expiresAt };
    this.open.set(key, conversation);
    return conversation;
  }

  clear(): void {
    this.open.clear();
  }
}

/** Graph "v23.0" → 23. */
function majorVersion(version: string): number {
  return Number(/^v(\d+)/.exec(version)?.[1] ?? 0);
}

export function billingFor(input: {
  phoneNumberId: string;
  waId: string;
  template?: TemplateRecord;
  graphVersion: string;
  now: number;
  windows: Windows;
  conversations: Conversations;
  mode: NonNullable<EmulatorStatusOptions["conversation"]>;
}): Billing {
  const { phoneNumberId, waId, now, windows } = input;
  const category = input.template ? input.template.category.toLowerCase() : "service";
  const freeEntryPoint = windows.isFreeEntryPoint(phoneNumberId, waId, now);
  const inWindow = windows.isOpen(phoneNumberId, waId, now);
  const type: Billing["type"] = freeEntryPoint
    ? "free_entry_point"
    : inWindow && (category === "service" || category === "utility")
      ? "free_customer_service"
      : "regular";

  const showConversation =
    input.mode === "always" || freeEntryPoint || (input.mode === "by-version" && majorVersion(input.graphVersion) <= 23);
  if (!showConversation) return { category: freeEntryPoint ? "referral_conversion" : category, type };
  const originType = freeEntryPoint ? "referral_conversion" : category;
  const expiresAt =
    originType === "service" ? (windows.closesAt(phoneNumberId, waId, now) ?? now + SERVICE_WINDOW_MS) : now + SERVICE_WINDOW_MS;
  const conversation = input.conversations.get(`${phoneNumberId}:${waId}:${originType}`, now, expiresAt);
  return {
    category: freeEntryPoint ? "referral_conversion" : category,
    type,
    conversation: { id: conversation.id, expiresAt: conversation.expiresAt, originType },
  };
}

export function pricingObject(billing: Billing): Record<string, unknown> {
  return { billable: billing.type === "regular", pricing_model: "PMP", type: billing.type, category: billing.category };
}

export function conversationObject(billing: Billing, withExpiration: boolean): Record<string, unknown> | undefined {
  if (!billing.conversation) return undefined;
  return {
    id: billing.conversation.id,
    ...(withExpiration ? { expiration_timestamp: String(Math.floor(billing.conversation.expiresAt / 1000)) } : {}),
    origin: { type: billing.conversation.originType },
  };
}
