/**
 * The shape of one bubble in the conversation timeline (`TimelineMessage`) and how a page of
 * Message rows becomes one: media rows, reactions folded onto the message they react to, the
 * quoted message for replies, the author. Shared by listMessages and getMessage so a live update
 * of a bubble is exactly what the page first showed.
 */
import type { Prisma } from "@/lib/db";
import { tenantDb } from "@/lib/db/tenant";
import type { MediaStatus, MessageDirection, MessageStatus, MessageType } from "@/lib/generated/prisma/enums";

export interface TimelineMedia {
  /** Served by /api/media/[id]. */
  id: string;
  status: MediaStatus;
  mimeType: string;
  filename: string | null;
  fileSize: number | null;
  error: string | null;
}

export interface TimelineReaction {
  emoji: string;
  /** inbound = the customer reacted; outbound = the business did. */
  direction: MessageDirection;
  at: Date;
}

export interface TimelineQuote {
  /** Null when we do not hold the quoted message (only Meta's id is known). */
  id: string | null;
  preview: string | null;
  direction: MessageDirection | null;
}

/** The campaign a message belongs to: sent by it, or an inbound reply within its reply window. */
export interface TimelineCampaign {
  id: string;
  name: string;
  role: "sent" | "reply";
}

export interface TimelineMessage {
  id: string;
  conversationId: string;
  direction: MessageDirection;
  type: MessageType;
  /** The type's payload in Meta's shape (text.body, image.caption, …). */
  content: Prisma.JsonValue;
  previewText: string | null;
  wamid: string | null;
  status: MessageStatus;
  timestamp: Date;
  sentAt: Date | null;
  deliveredAt: Date | null;
  readAt: Date | null;
  failedAt: Date | null;
  errorCode: number | null;
  errorTitle: string | null;
  errorDetails: string | null;
  /** The sender's per-send key (outbound agent sends): lets the sender's optimistic bubble settle on a live echo. */
  idempotencyKey: string | null;
  author: { id: string; name: string | null } | null;
  media: TimelineMedia[];
  /** At most one per side (the latest reaction of the customer, the latest of the business). */
  reactions: TimelineReaction[];
  replyTo: TimelineQuote | null;
  campaign: TimelineCampaign | null;
}

export const timelineMessageSelect = {
  id: true,
  conversationId: true,
  direction: true,
  type: true,
  content: true,
  previewText: true,
  wamid: true,
  status: true,
  timestamp: true,
  sentAt: true,
  deliveredAt: true,
  readAt: true,
  failedAt: true,
  errorCode: true,
  errorTitle: true,
  errorDetails: true,
  idempotencyKey: true,
  replyToWamid: true,
  campaignRecipientId: true,
  repliedCampaignId: true,
  author: { select: { id: true, name: true } },
  media: { select: { id: true, status: true, mimeType: true, filename: true, fileSize: true, error: true }, orderBy: { createdAt: "asc" } },
  replyTo: { select: { id: true, previewText: true, direction: true } },
} satisfies Prisma.MessageSelect;

type MessageRow = Prisma.MessageGetPayload<{ select: typeof timelineMessageSelect }>;

/** The wamid a reaction message points at: Meta's shape `reaction.message_id`, or the inbound row's flattened copy. */
export function reactionTarget(content: Prisma.JsonValue, replyToWamid: string | null): string | null {
  if (content && typeof content === "object" && !Array.isArray(content)) {
    const nested = content.reaction;
    if (nested && typeof nested === "object" && !Array.isArray(nested) && typeof nested.message_id === "string") return nested.message_id;
    if (typeof content.message_id === "string") return content.message_id;
  }
  return replyToWamid;
}

function reactionEmoji(content: Prisma.JsonValue): string {
  if (content && typeof content === "object" && !Array.isArray(content)) {
    const nested = content.reaction;
    if (nested && typeof nested === "object" && !Array.isArray(nested) && typeof nested.emoji === "string") return nested.emoji;
    if (typeof content.emoji === "string") return content.emoji;
  }
  return "";
}

/**
 * Reactions to `wamids`, folded per target: per side only the latest counts, and an empty emoji
 * (Meta's "reaction removed") clears that side. Reaction rows carry the target's wamid in
 * replyToWamid (inbound: set by the webhook; outbound: set by sendMessage), which is indexed.
 */
async function foldedReactions(workspaceId: string, conversationId: string, wamids: string[]): Promise<Map<string, TimelineReaction[]>> {
  const folded = new Map<string, TimelineReaction[]>();
  if (wamids.length === 0) return folded;
  const rows = await tenantDb({ workspaceId }).message.findMany({
    where: { workspaceId, conversationId, type: "reaction", replyToWamid: { in: wamids } },
    select: { content: true, replyToWamid: true, direction: true, timestamp: true },
    orderBy: [{ timestamp: "asc" }, { id: "asc" }],
  });
  const latest = new Map<string, TimelineReaction>();
  for (const row of rows) {
    const target = reactionTarget(row.content, row.replyToWamid);
    if (!target) continue;
    latest.set(`${target}\u0000${row.direction}`, { emoji: reactionEmoji(row.content), direction: row.direction, at: row.timestamp });
  }
  for (const [key, reaction] of latest) {
    if (reaction.emoji === "") continue;
    const target = key.split("\u0000")[0]!;
    folded.set(target, [...(folded.get(target) ?? []), reaction]);
  }
  return folded;
}

/** Quotes we hold only by Meta's id (the quoted message arrived after the reply, or was sent elsewhere). */
async function quotesByWamid(workspaceId: string, wamids: string[]): Promise<Map<string, TimelineQuote>> {
  const quotes = new Map<string, TimelineQuote>();
  if (wamids.length === 0) return quotes;
  const rows = await tenantDb({ workspaceId }).message.findMany({
    where: { workspaceId, wamid: { in: wamids } },
    select: { id: true, wamid: true, previewText: true, direction: true },
  });
  for (const row of rows) if (row.wamid) quotes.set(row.wamid, { id: row.id, preview: row.previewText, direction: row.direction });
  return quotes;
}

/** The campaigns of the page's campaign sends and replies, by message id (two small queries, none when there are none). */
async function campaignsOf(workspaceId: string, rows: MessageRow[]): Promise<Map<string, TimelineCampaign>> {
  const found = new Map<string, TimelineCampaign>();
  const recipientIds = rows.flatMap((r) => (r.campaignRecipientId ? [r.campaignRecipientId] : []));
  if (recipientIds.length === 0 && !rows.some((r) => r.repliedCampaignId)) return found;
  const db = tenantDb({ workspaceId });
  const recipients = recipientIds.length
    ? await db.campaignRecipient.findMany({ where: { workspaceId, id: { in: recipientIds } }, select: { id: true, campaignId: true } })
    : [];
  const campaignOfRecipient = new Map(recipients.map((r) => [r.id, r.campaignId]));
  const campaignIds = [...new Set([...recipients.map((r) => r.campaignId), ...rows.flatMap((r) => (r.repliedCampaignId ? [r.repliedCampaignId] : []))])];
  const campaigns = await db.campaign.findMany({ where: { workspaceId, id: { in: campaignIds } }, select: { id: true, name: true } });
  const names = new Map(campaigns.map((c) => [c.id, c.name]));
  for (const row of rows) {
    const sentBy = row.campaignRecipientId ? campaignOfRecipient.get(row.campaignRecipientId) : undefined;
    const id = sentBy ?? row.repliedCampaignId;
    const name = id ? names.get(id) : undefined;
    if (id && name !== undefined) found.set(row.id, { id, name, role: sentBy ? "sent" : "reply" });
  }
  return found;
}

/** Message rows (all of one conversation, none a reaction) as timeline bubbles, in the same order. */
export async function toTimelineMessages(workspaceId: string, conversationId: string, rows: MessageRow[]): Promise<TimelineMessage[]> {
  const wamids = rows.flatMap((r) => (r.wamid ? [r.wamid] : []));
  const unresolved = rows.flatMap((r) => (!r.replyTo && r.replyToWamid ? [r.replyToWamid] : []));
  const [reactions, quotes, campaigns] = await Promise.all([
    foldedReactions(workspaceId, conversationId, wamids),
    quotesByWamid(workspaceId, unresolved),
    campaignsOf(workspaceId, rows),
  ]);
  return rows.map(({ replyTo, replyToWamid, campaignRecipientId: _recipient, repliedCampaignId: _replied, ...row }) => ({
    ...row,
    campaign: campaigns.get(row.id) ?? null,
    reactions: (row.wamid && reactions.get(row.wamid)) || [],
    replyTo: replyTo
      ? { id: replyTo.id, preview: replyTo.previewText, direction: replyTo.direction }
      : replyToWamid
        ? (quotes.get(replyToWamid) ?? { id: null, preview: null, direction: null })
        : null,
  }));
}
