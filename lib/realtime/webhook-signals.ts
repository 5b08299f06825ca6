/**
 * The real-time signals of processed webhook events, published after their transaction committed
 * (WebhookHooks.onProcessed for one event, onBatchProcessed for a batch's): each inbound message
 * stored → `message.created`; each message a status moved forward → one `message.status` with
 * where it ended (a batch carrying sent, delivered and read of one message signals read once);
 * each conversation that received messages → one `conversation.updated` (activity, unread); each
 * template whose review status changed → `template.updated`. Messages and statuses carry the
 * bubble, conversations their list row (signal-items.ts), read once per call instead of by every
 * open browser. One batched publish per call — per batch, during a status storm, not per event.
 * Never throws (publishMany does not).
 */
import { prisma } from "@/lib/db";
import type { EventOutcome } from "@/lib/services/webhooks/outcome";
import { logger } from "@/lib/log";
import { publishMany, toWorkspace, type RealtimeMessage } from "./publish";
import { attach, loadSignalItemsOrNone, type SignalItems } from "./signal-items";

const log = logger("realtime");

type Signalled = Pick<EventOutcome, "inserted" | "statuses" | "templates">;

export function publishWebhookOutcome(outcome: EventOutcome): Promise<void> {
  return publishWebhookOutcomes([outcome]);
}

export async function publishWebhookOutcomes(outcomes: EventOutcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  const outcome: Signalled = {
    inserted: outcomes.flatMap((o) => o.inserted),
    statuses: outcomes.flatMap((o) => o.statuses),
    templates: outcomes.flatMap((o) => o.templates),
  };
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
    log.warn({ err: error, eventIds: outcomes.slice(0, 5).map((o) => o.eventId) }, "webhook real-time signals not published");
  }
}

interface StatusSignal {
  workspaceId: string;
  conversationId: string;
  messageId: string;
  status: NonNullable<EventOutcome["statuses"][number]["currentStatus"]>;
}

/**
 * One signal per message a status moved: where it ended (statuses only move forward, so the last
 * change is the furthest). The outcome names messages, not their conversations: one lookup per
 * workspace.
 */
async function statusSignals(outcome: Signalled): Promise<StatusSignal[]> {
  const last = new Map<string, { workspaceId: string; messageId: string; status: StatusSignal["status"] }>();
  for (const s of outcome.statuses) {
    if (s.changed && s.messageId && s.currentStatus) last.set(s.messageId, { workspaceId: s.workspaceId, messageId: s.messageId, status: s.currentStatus });
  }
  if (last.size === 0) return [];
  const byWorkspace = new Map<string, string[]>();
  for (const s of last.values()) {
    const ids = byWorkspace.get(s.workspaceId) ?? [];
    ids.push(s.messageId);
    byWorkspace.set(s.workspaceId, ids);
  }
  const rows = (
    await Promise.all(
      [...byWorkspace].map(([workspaceId, ids]) =>
        prisma.message.findMany({ where: { workspaceId, id: { in: ids } }, select: { id: true, workspaceId: true, conversationId: true } }),
      ),
    )
  ).flat();
  const conversationOf = new Map(rows.map((r) => [`${r.workspaceId}:${r.id}`, r.conversationId]));
  return [...last.values()].flatMap((s) => {
    const conversationId = conversationOf.get(`${s.workspaceId}:${s.messageId}`);
    return conversationId ? [{ ...s, conversationId }] : [];
  });
}

/** The rows and bubbles the signals carry, read once per workspace (one, nearly always). */
async function itemsByWorkspace(outcome: Signalled, statuses: StatusSignal[]): Promise<Map<string, SignalItems>> {
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
