/**
 * The real-time signals of one processed webhook event, published after its transaction
 * committed (WebhookHooks.onProcessed): each inbound message stored → `message.created`; each
 * status that moved a message forward → `message.status`; each conversation that received
 * messages → `conversation.updated` (activity, unread); each template whose review status changed
 * → `template.updated`. One batched publish per event. Never throws (publishMany does not).
 */
import { prisma } from "@/lib/db";
import type { EventOutcome } from "@/lib/services/webhooks/outcome";
import { logger } from "@/lib/log";
import { publishMany, toWorkspace, type RealtimeMessage } from "./publish";

const log = logger("realtime");

export async function publishWebhookOutcome(outcome: EventOutcome): Promise<void> {
  try {
    const at = new Date().toISOString();
    const messages: RealtimeMessage[] = [];

    for (const m of outcome.inserted) {
      messages.push(toWorkspace(m.workspaceId, "message.created", { conversationId: m.conversationId, messageId: m.messageId, direction: "inbound", at }));
    }
    const touched = new Map<string, string>(); // conversationId → workspaceId
    for (const m of outcome.inserted) touched.set(m.conversationId, m.workspaceId);
    for (const [conversationId, workspaceId] of touched) {
      messages.push(toWorkspace(workspaceId, "conversation.updated", { conversationId, changes: ["activity", "unread"], at }));
    }

    messages.push(...(await statusSignals(outcome, at)));

    for (const t of outcome.templates) {
      messages.push(toWorkspace(t.workspaceId, "template.updated", { templateId: t.templateId, status: t.status, at }));
    }
    await publishMany(messages);
  } catch (error) {
    // Only the conversation lookup can throw here; the signals are best effort by design.
    log.warn({ err: error, eventId: outcome.eventId }, "webhook real-time signals not published");
  }
}

/** The outcome names messages, not their conversations: one lookup, scoped by each status's workspace. */
async function statusSignals(outcome: EventOutcome, at: string): Promise<RealtimeMessage[]> {
  const changed = outcome.statuses.filter((s) => s.changed && s.messageId && s.currentStatus);
  if (changed.length === 0) return [];
  const rows = await prisma.message.findMany({
    where: { OR: changed.map((s) => ({ id: s.messageId!, workspaceId: s.workspaceId })) },
    select: { id: true, conversationId: true },
  });
  const conversationOf = new Map(rows.map((r) => [r.id, r.conversationId]));
  return changed.flatMap((s) => {
    const conversationId = conversationOf.get(s.messageId!);
    if (!conversationId) return [];
    return [toWorkspace(s.workspaceId, "message.status", { conversationId, messageId: s.messageId!, status: s.currentStatus!, at })];
  });
}
