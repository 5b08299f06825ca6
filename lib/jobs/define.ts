/**
 * How a background task is declared (trigger/<task>.ts): once, for both runners. `defineTask`
 * returns Trigger.dev's own `schemaTask` (so `npx trigger.dev deploy` finds and runs it) with the
 * same definition attached, which the embedded pg-boss runner reads (lib/jobs/local): one id, one
 * zod payload, one queue, one retry policy, one body that calls a service.
 */
import { schedules, schemaTask } from "@trigger.dev/sdk";
import type { z } from "zod";

/** A queue as trigger/queues.ts declares it (Trigger.dev's `queue()` options). */
export interface QueueDefinition {
  name: string;
  /** Runs of the queue at once; per concurrencyKey when a trigger passes one. */
  concurrencyLimit?: number;
}

/** Trigger.dev's retry options, the ones both runners honour. */
export interface RetryPolicy {
  maxAttempts: number;
  minTimeoutInMs: number;
  maxTimeoutInMs: number;
  factor: number;
}

export interface TaskDefinition<TId extends string, TSchema extends z.ZodType, TOutput> {
  id: TId;
  schema: TSchema;
  queue: QueueDefinition;
  retry: RetryPolicy;
  /** Seconds a run may take before it counts as failed (and a killed worker's run is retried). */
  maxDuration: number;
  run: (payload: z.output<TSchema>) => Promise<TOutput>;
  /**
   * After the last attempt failed (no retry left): record the failure where people see it. On the
   * embedded runner it runs for a run that threw; a run whose server died on its last attempt
   * expires without it.
   */
  onFailure?: (payload: z.output<TSchema>, error: unknown) => Promise<void>;
}

export interface ScheduledTaskDefinition<TId extends string, TOutput> {
  id: TId;
  /** UTC cron expression, five fields. */
  cron: string;
  queue: QueueDefinition;
  maxDuration: number;
  run: (at: Date) => Promise<TOutput>;
}

/** The shared retry defaults (trigger.config.ts uses them too). */
export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 3, minTimeoutInMs: 1_000, maxTimeoutInMs: 60_000, factor: 2 };

export function defineTask<TId extends string, TSchema extends z.ZodType, TOutput>(definition: TaskDefinition<TId, TSchema, TOutput>) {
  const task = schemaTask({
    id: definition.id,
    schema: definition.schema,
    queue: definition.queue,
    retry: definition.retry,
    maxDuration: definition.maxDuration,
    // The SDK parsed the payload with `schema` before the run: it is the schema's output type,
    // which the SDK's own inference cannot name for a generic schema.
    run: (payload) => definition.run(payload as z.output<TSchema>),
    ...(definition.onFailure ? { onFailure: ({ payload, error }: { payload: unknown; error: unknown }) => definition.onFailure!(payload as z.output<TSchema>, error) } : {}),
  });
  return Object.assign(task, { definition });
}

export function defineScheduledTask<TId extends string, TOutput>(definition: ScheduledTaskDefinition<TId, TOutput>) {
  const task = schedules.task({
    id: definition.id,
    cron: definition.cron,
    queue: definition.queue,
    maxDuration: definition.maxDuration,
    run: (payload) => definition.run(payload.timestamp),
  });
  return Object.assign(task, { scheduled: definition });
}

/** A task `enqueue` can start: what both runners read of it. */
export interface DefinedTask<TSchema extends z.ZodType = z.ZodType> {
  id: string;
  definition: TaskDefinition<string, TSchema, unknown>;
}

/** A task that runs on its cron schedule. */
export interface DefinedScheduledTask {
  id: string;
  scheduled: ScheduledTaskDefinition<string, unknown>;
}
