/**
 * The conversation header: who the customer is, who handles it, open or resolved, and until when
 * free-form replies are allowed (Meta's 24-hour customer-service window).
 */
import { tenantDb } from "@/lib/db/tenant";
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { NotFound } from "@/lib/errors";
import type { ConversationStatus } from "@/lib/generated/prisma/enums";
import { parseReferral, type Referral } from "@/lib/whatsapp/webhook/referral";

import { windowExpiresAt } from "./window";

export interface ConversationHeader {
  id: string;
  status: ConversationStatus;
  unreadCount: number;
  connectionId: string | null;
  lastMessageAt: Date | null;
  resolvedAt: Date | null;
  /** 24 h after the customer's last message (the same rule sendMessage applies: window.ts); null when they never wrote. */
  windowExpiresAt: Date | null;
  /** The click-to-WhatsApp ad that started this conversation (or was first seen in it); the contact panel shows it. */
  referral: Referral | null;
  assignee: { id: string; name: string | null; email: string } | null;
  contact: {
    id: string;
    /** name, else WhatsApp profile name, else phone or WhatsApp id. */
    displayName: string | null;
    name: string | null;
    profileName: string | null;
    phone: string | null;
    waId: string | null;
    optedOut: boolean;
  };
}

export async function getConversation(ctx: WorkspaceContext, conversationId: string): Promise<ConversationHeader> {
  authorize(ctx, "conversation:view");
  const row = await tenantDb(ctx).conversation.findFirst({
    where: { id: conversationId, workspaceId: ctx.workspaceId },
    select: {
      id: true,
      status: true,
      unreadCount: true,
      connectionId: true,
      lastMessageAt: true,
      lastInboundAt: true,
      resolvedAt: true,
      referral: true,
      assignee: { select: { id: true, name: true, email: true } },
      contact: { select: { id: true, name: true, profileName: true, phone: true, waId: true, optedOutAt: true, lastInboundAt: true } },
    },
  });
  if (!row) throw NotFound("conversationNotFound");
  const { lastInboundAt, contact, ...rest } = row;
  return {
    ...rest,
    windowExpiresAt: windowExpiresAt(lastInboundAt, contact.lastInboundAt),
    referral: parseReferral(rest.referral),
    contact: {
      id: contact.id,
      displayName: contactDisplayName(contact),
      name: contact.name,
      profileName: contact.profileName,
      phone: contact.phone,
      waId: contact.waId,
      optedOut: contact.optedOutAt !== null,
    },
  };
}

/** What the inbox calls a contact: the name an agent gave, else WhatsApp's profile name, else the number. */
export function contactDisplayName(contact: { name: string | null; profileName: string | null; phone: string | null; waId: string | null }): string | null {
  return contact.name ?? contact.profileName ?? contact.phone ?? (contact.waId ? `+${contact.waId}` : null);
}
