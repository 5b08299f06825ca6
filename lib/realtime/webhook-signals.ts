/**
 * The real-time signals of one processed webhook event, published after its transaction
 * committed (WebhookHooks.onProcessed): each inbound message stored → `message.created`; each
 * status that moved a message forward → `message.status`; each conversation that received
 * messages → `conversation.updated` (activity, unread); each template whose review status changed
 * → `template.updated`. Messages and statuses carry the bubble, conversations their list row
 * (signal-items.ts), read once here instead of by every open browser. One batched publish per
 * event. Never throws (publishMany does not).
 */
import { prisma } from "@/lib/db";
import type { EventOutcome } from "@/lib/services/webhooks/outcome";
import { logger } from "@/lib/log";
import { publishMany, toWorkspace, type RealtimeMessage } from "./publish";
import { attach, loadSignalItemsOrNone, type SignalItems } from "./signal-items";

const log = logger("realtime");

export async function publishWebhookOutcome(outcome: EventOutcome): Promise<void> {
  try {
    const at = new Date().toISOString();
    const statuses = await statusSignals(outcome);
    const items = await itemsByWorkspace(outcome, statuses);
    const messages: RealtimeMessage[] = [];

    for (const m of outcome.inserted) {
      const carried = items.get(m.workspaceId);
      const payload = { conversationId: m.conversationId, messageId: m.messageId, direction: "inbound" as const, at };
      messages.push(toWorkspace(m.workspaceId, "message.created", attach(payload, { message: carried?.message(m.messageId), row: carried?.row(m.conversationId) })));
    }
    const touched = new Map<string, string>(); // conversationId → workspaceId
    for (const m of outcome.inserted) touched.set(m.conversationId, m.workspaceId);
    for (const [conversationId, workspaceId] of touched) {
      const row = items.get(workspaceId)?.row(conversationId);
      messages.push(toWorkspace(workspaceId, "conversation.updated", attach({ conversationId, changes: ["activity", "unread"], at }, { row })));
    }

    for (const s of statuses) {
      const message = items.get(s.workspaceId)?.message(s.messageId);
      messages.push(toWorkspace(s.workspaceId, "message.status", attach({ conversationId: s.conversationId, messageId: s.messageId, status: s.status, at }, { message })));
    }

    for (const t of outcome.templates) {
      const { workspaceId, templateId, status, qualityScore, category } = t;
      messages.push(toWorkspace(workspaceId, "template.updated", { templateId, status, qualityScore, category, at }));
    }
    await publishMany(messages);
  } catch (error) {
    // Only the lookups can throw here; the signals are best effort by design.
    log.warn({ err: error, eventId: outcome.eventId }, "webhook real-time signals not published");
  }
}

interface StatusSignal {
  workspaceId: string;
  conversationId: string;
  messageId: string;
  status: NonNullable<EventOutcome["statuses"][number]["currentStatus"]>;
}

/** The outcome names messages, not their conversations: one lookup, scoped by each status's workspace. */
async function statusSignals(outcome: EventOutcome): Promise<StatusSignal[]> {
  const changed = outcome.statuses.filter((s) => s.changed && s.messageId && s.currentStatus);
  if (changed.length === 0) return [];
  const rows = await prisma.message.findMany({
    where: { OR: changed.map((s) => ({ id: s.messageId!, workspaceId: s.workspaceId })) },
    select: { id: true, conversationId: true },
  });
  const conversationOf = new Map(rows.map((r) => [r.id, r.conversationId]));
  return changed.flatMap((s) => {
    const conversationId = conversationOf.get(s.messageId!);
    return conversationId ? [{ workspaceId: s.workspaceId, conversationId, messageId: s.messageId!, status: s.currentStatus! }] : [];
  });
}

/** The rows and bubbles the event's signals carry, read once per workspace (one, nearly always). */
async function itemsByWorkspace(outcome: EventOutcome, statuses: StatusSignal[]): Promise<Map<string, SignalItems>> {
  const wanted = new Map<string, { conversationIds: string[]; messageIds: string[] }>();
  const want = (workspaceId: string) => {
    let entry = wanted.get(workspaceId);
    if (!entry) wanted.set(workspaceId, (entry = { conversationIds: [], messageIds: [] }));
    return entry;
  };
  for (const m of outcome.inserted) {
    want(m.workspaceId).conversationIds.push(m.conversationId);
    want(m.workspaceId).messageIds.push(m.messageId);
  }
  for (const s of statuses) want(s.workspaceId).messageIds.push(s.messageId);
  const loaded = await Promise.all([...wanted].map(async ([workspaceId, ids]) => [workspaceId, await loadSignalItemsOrNone(workspaceId, ids)] as const));
  return new Map(loaded);
}
