/**
 * Processes stored webhook events in batches — a campaign's status storm is thousands of small
 * deliveries of statuses alone, and one transaction per delivery cost more than the statuses did.
 * One transaction per batch:
 *
 *   claim every event still unprocessed (`id = ANY(…) FOR UPDATE SKIP LOCKED`: another worker's are
 *   skipped, never waited for) → walk each delivery of statuses alone (statusOnlySteps: the notes
 *   and statuses processWebhookEvent's walk would find) → the Message rows of all their statuses
 *   in one SELECT … FOR UPDATE and one UPDATE (apply-status-batch.ts), the campaign recipients
 *   likewise (recipient-status-batch.ts), in the batch's order, ending exactly as the events one
 *   by one would → per status what follows it (settleStatus: Meta's refusals, onStatus, waiting)
 *   → the campaigns' counters in one UPDATE → every event's processedAt / attempts / error in one
 *   UPDATE, each decided as processWebhookEvent decides it (settleEvent: processed, or deferred
 *   while it waits for a message we do not hold yet).
 *
 * After commit, hooks.onBatchProcessed once for the batch (one real-time publish, not one per
 * event). Events carrying more than statuses (inbound messages, template updates) are left to
 * processWebhookEvent, one by one, once the batch has committed. A batch that throws (after the
 * immediate retries of a conflict) is rolled back whole and its events are processed one by one by
 * processWebhookEvent, which records a failure on the one event that fails: a bad event never
 * holds back the others.
 */
import { prisma } from "@/lib/db";
import { logger } from "@/lib/log";
import { CampaignTally, writeCampaignCounters } from "@/lib/services/campaigns/attribution/campaign-counters";
import { moveRecipientsByStatuses } from "@/lib/services/campaigns/attribution/recipient-status-batch";
import { describeMetaError, parseMetaErrors } from "@/lib/whatsapp/webhook/meta-error";
import { parseStatus } from "@/lib/whatsapp/webhook/status";
import { settleStatus, statusNote, statusOnlySteps, unknownNumberNote, type StatusStep } from "./apply-delivery";
import { applyStatusBatch, type StatusItem } from "./apply-status-batch";
import { defaultWebhookHooks, type WebhookHooks } from "./hooks";
import { emptyOutcome, EventWork, type EventOutcome } from "./outcome";
import {
  type ClaimedEvent,
  isTransient,
  processWebhookEvent,
  type ProcessOptions,
  settleEvent,
  TRANSACTION_TRIES,
} from "./process-event";
import { EventRouting } from "./routing";
import { sqlName, sqlTimestamp } from "./sql";

const log = logger("webhooks.batch");

/** Events per batch: what the background queue and the sweeps hand over at most (bench/README.md, "webhook-ingest"). */
export const BATCH_SIZE = 200;

interface Planned {
  event: ClaimedEvent;
  steps: StatusStep[];
  work: EventWork;
}

interface BatchRun {
  /** The events this batch processed or deferred, by id. */
  outcomes: Map<string, EventOutcome>;
  /** Claimed, but carrying more than statuses: for processWebhookEvent once the batch has committed. */
  perEvent: string[];
}

/** The statuses of the batch's deliveries, in order, each with the event it belongs to. */
async function collect(routing: EventRouting, planned: Planned[]): Promise<{ item: StatusItem; work: EventWork }[]> {
  const items: { item: StatusItem; work: EventWork }[] = [];
  for (const { event, steps, work } of planned) {
    for (const step of steps) {
      if (step.kind === "note") {
        work.note(step.text);
        continue;
      }
      const route = await routing.byPhoneNumberId(step.phoneNumberId);
      if (!route) {
        work.note(unknownNumberNote(step.where, step.phoneNumberId));
        continue;
      }
      for (const [i, raw] of step.statuses.entries()) {
        const status = parseStatus(raw);
        if (status.ok) items.push({ item: { workspaceId: route.workspaceId, update: status.status, receivedAt: event.receivedAt }, work });
        else work.note(statusNote(step.where, i, status));
      }
      for (const error of parseMetaErrors(step.errors)) work.note(`${step.where}: Meta error ${describeMetaError(error)}`);
    }
  }
  return items;
}

async function runBatch(ids: string[], hooks: WebhookHooks, now: () => Date): Promise<BatchRun> {
  return prisma.$transaction(
    async (tx) => {
      const claimed = await tx.$queryRaw<ClaimedEvent[]>`
        SELECT id, payload, "receivedAt", attempts FROM ${sqlName("WebhookEvent")}
        WHERE id = ANY(${ids}::text[]) AND "processedAt" IS NULL
        FOR UPDATE SKIP LOCKED`;
      // The callers' order (arrival, or the sweep's oldest first): statuses of one message across
      // events apply in it, as they would one event after the other.
      const position = new Map(ids.map((id, i) => [id, i]));
      claimed.sort((a, b) => position.get(a.id)! - position.get(b.id)!);

      const planned: Planned[] = [];
      const perEvent: string[] = [];
      for (const event of claimed) {
        const steps = statusOnlySteps(event.payload);
        if (steps) planned.push({ event, steps, work: new EventWork(event.id) });
        else perEvent.push(event.id);
      }

      const items = await collect(new EventRouting(tx), planned);
      const statusItems = items.map(({ item }) => item);
      const applied = await applyStatusBatch(tx, statusItems);
      const recipients = await moveRecipientsByStatuses(tx, statusItems);
      for (const [i, { item, work }] of items.entries()) {
        await settleStatus(tx, applied[i]!, recipients[i] ?? null, work, hooks, item.receivedAt);
      }

      // What the statuses added to their campaigns' counters, all events together: one UPDATE.
      const tally = new CampaignTally();
      for (const { work } of planned) for (const { delta, ...campaign } of work.campaigns.deltas()) tally.add(campaign, delta);
      await writeCampaignCounters(tx, tally);

      const at = now();
      const outcomes = new Map<string, EventOutcome>();
      const settled = planned.map(({ event, work }) => {
        const { result, error } = settleEvent(work, event, at);
        outcomes.set(event.id, work.outcome(result));
        return { id: event.id, done: result === "processed", error };
      });
      if (settled.length > 0) {
        await tx.$executeRaw`
          UPDATE ${sqlName("WebhookEvent")} AS e SET
            "processedAt" = CASE WHEN u.done THEN ${sqlTimestamp(at)} ELSE e."processedAt" END,
            attempts = CASE WHEN u.done THEN e.attempts ELSE e.attempts + 1 END,
            error = u.error
          FROM unnest(${settled.map((s) => s.id)}::text[], ${settled.map((s) => s.done)}::boolean[], ${settled.map((s) => s.error)}::text[])
            AS u(id, done, error)
          WHERE e.id = u.id`;
      }
      return { outcomes, perEvent };
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}

async function afterCommit(hooks: WebhookHooks, outcomes: EventOutcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  try {
    if (hooks.onBatchProcessed) await hooks.onBatchProcessed(outcomes);
    else if (hooks.onProcessed) for (const outcome of outcomes) await hooks.onProcessed(outcome);
  } catch (error) {
    log.error({ err: error, events: outcomes.length }, "onBatchProcessed hook failed");
  }
}

/**
 * Processes the events (at most BATCH_SIZE make sense; more are one bigger transaction), one
 * outcome per id in the same order. Never throws: failures are recorded per event, as by
 * processWebhookEvent. An id another worker holds, or already processed, is `not_claimed`.
 */
export async function processWebhookEventBatch(ids: string[], options: ProcessOptions = {}): Promise<EventOutcome[]> {
  const hooks = options.hooks ?? defaultWebhookHooks;
  const now = options.now ?? (() => new Date());
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];

  let run: BatchRun | undefined;
  for (let attempt = 1; !run; attempt++) {
    try {
      run = await runBatch(unique, hooks, now);
    } catch (error) {
      if (attempt < TRANSACTION_TRIES && isTransient(error)) continue;
      // Rolled back whole: nothing of it stayed. One by one, the event at fault fails alone.
      log.warn({ err: error, events: unique.length }, "webhook batch failed; processing its events one by one");
      const outcomes = new Map<string, EventOutcome>();
      for (const id of unique) outcomes.set(id, await processWebhookEvent(id, options));
      return ids.map((id) => outcomes.get(id)!);
    }
  }

  const { outcomes, perEvent } = run;
  await afterCommit(hooks, [...outcomes.values()]);
  for (const id of perEvent) outcomes.set(id, await processWebhookEvent(id, options));
  return ids.map((id) => outcomes.get(id) ?? emptyOutcome(id, "not_claimed"));
}
