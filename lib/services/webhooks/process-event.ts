/**
 * Processes one stored webhook event, after the 200 (route handler's `after()`) or from the
 * recovery sweep. All of it happens in ONE transaction that starts by claiming the event row
 * (`FOR UPDATE SKIP LOCKED`, only while unprocessed): two workers never process an event at the
 * same time, and a crash midway rolls everything back, leaving the event unprocessed for the
 * sweep, which then redoes it from the start. Every step is idempotent besides (wamid dedupe,
 * monotonic statuses), so a redo never doubles anything. `processedAt` is set last, in the same
 * transaction. A failure is recorded (attempts + 1, error) outside the rolled-back transaction.
 */
import { prisma } from "@/lib/db";
import { prismaErrorCode } from "@/lib/db/errors";
import { logger } from "@/lib/log";
import { applyDelivery } from "./apply-delivery";
import { defaultWebhookHooks, type WebhookHooks } from "./hooks";
import { emptyOutcome, type EventOutcome, EventWork, joinNotes } from "./outcome";
import { sqlName } from "./sql";

const log = logger("webhooks.process");

/** After this many attempts the sweep leaves the event alone (processedAt null, error kept) for an operator. */
export const MAX_ATTEMPTS = 10;
/** How long an event waits for the messages its statuses name (our send's wamid may land after Meta's status). */
export const STATUS_WAIT_MS = 15 * 60_000;
export const TRANSACTION_TRIES = 3;

export interface ClaimedEvent {
  id: string;
  payload: unknown;
  receivedAt: Date;
  attempts: number;
}

export interface ProcessOptions {
  hooks?: WebhookHooks;
  /** Clock for the status-wait decision (tests). */
  now?: () => Date;
}

/** Conflicts another transaction caused (unique race, deadlock, serialization): worth an immediate retry. */
export function isTransient(error: unknown): boolean {
  const code = prismaErrorCode(error);
  if (code === "P2002" || code === "P2034") return true;
  const text = error instanceof Error ? error.message : String(error);
  return /deadlock detected|could not serialize|40P01|40001/.test(text);
}

export function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").slice(0, 1_000);
}

/**
 * Whether an applied event is done, decided the same way in both paths (this file and
 * process-batch.ts): statuses naming messages we do not hold keep it waiting — unprocessed,
 * attempts + 1 — while it is younger than STATUS_WAIT_MS and has attempts left; then it is
 * processed with a note. `error` is what the event row keeps.
 */
export function settleEvent(
  work: EventWork,
  event: Pick<ClaimedEvent, "receivedAt" | "attempts">,
  at: Date,
): { result: "processed" | "deferred"; error: string | null } {
  const waiting = work.waitingFor.length > 0;
  const young = at.getTime() - event.receivedAt.getTime() < STATUS_WAIT_MS;
  const wamids = work.waitingFor.slice(0, 5).join(", ");
  if (waiting && young && event.attempts + 1 < MAX_ATTEMPTS) {
    return { result: "deferred", error: `waiting for ${work.waitingFor.length} message(s) not stored yet: ${wamids}` };
  }
  if (waiting) work.note(`statuses for messages we do not hold, ignored: ${wamids}`);
  return { result: "processed", error: joinNotes(work.notes) };
}

async function runClaimed(eventId: string, hooks: WebhookHooks, now: () => Date): Promise<EventOutcome> {
  return prisma.$transaction(
    async (tx) => {
      const [event] = await tx.$queryRaw<ClaimedEvent[]>`
        SELECT id, payload, "receivedAt", attempts FROM ${sqlName("WebhookEvent")}
        WHERE id = ${eventId} AND "processedAt" IS NULL
        FOR UPDATE SKIP LOCKED`;
      if (!event) return emptyOutcome(eventId, "not_claimed");

      const work = new EventWork(eventId);
      await applyDelivery(tx, event.payload, work, { receivedAt: event.receivedAt, hooks });

      const at = now();
      const settled = settleEvent(work, event, at);
      await tx.webhookEvent.update({
        where: { id: eventId },
        data: settled.result === "deferred" ? { attempts: { increment: 1 }, error: settled.error } : { processedAt: at, error: settled.error },
        select: { id: true },
      });
      return work.outcome(settled.result);
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}

async function recordFailure(eventId: string, error: unknown): Promise<void> {
  try {
    await prisma.webhookEvent.updateMany({
      where: { id: eventId, processedAt: null },
      data: { attempts: { increment: 1 }, error: `failed: ${errorText(error)}` },
    });
  } catch (recordError) {
    log.error({ eventId, err: recordError }, "could not record the webhook event's failure");
  }
}

/** Never throws: a failure is recorded on the event and returned as `result: "failed"`. */
export async function processWebhookEvent(eventId: string, options: ProcessOptions = {}): Promise<EventOutcome> {
  const hooks = options.hooks ?? defaultWebhookHooks;
  const now = options.now ?? (() => new Date());
  for (let attempt = 1; ; attempt++) {
    let outcome: EventOutcome;
    try {
      outcome = await runClaimed(eventId, hooks, now);
    } catch (error) {
      if (attempt < TRANSACTION_TRIES && isTransient(error)) continue;
      log.error({ eventId, err: error }, "webhook event processing failed; the sweep will retry it");
      await recordFailure(eventId, error);
      return emptyOutcome(eventId, "failed", errorText(error));
    }
    if (outcome.result !== "not_claimed" && hooks.onProcessed) {
      await hooks.onProcessed(outcome).catch((error: unknown) => log.error({ eventId, err: error }, "onProcessed hook failed"));
    }
    return outcome;
  }
}
