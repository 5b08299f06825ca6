/**
 * `enqueue(task, payload, options)`: the one way app code starts background work. The payload is
 * checked against the task's schema here, before anything is queued (a bad payload throws at the
 * caller, never later in a worker). With TRIGGER_SECRET_KEY the run goes to Trigger.dev through
 * its SDK; without it, to the embedded pg-boss runner (./local), which runs the same definition.
 * Both honour the idempotency key (the same key within 30 days: the first run, `isCached`), the
 * delay and the concurrency key.
 */
import { configure, idempotencyKeys, tasks } from "@trigger.dev/sdk";
import type { z } from "zod";
import { env, liveEnv } from "@/lib/env";
import type { DefinedTask } from "./define";
import { jobIdFor } from "./local/job-id";
import { ensureQueue, jobQueue } from "./local/runner";

export interface EnqueueOptions {
  /** Built from record ids ("contact-import:<importId>"): a retried call never starts a second run. */
  idempotencyKey: string;
  /** Runs sharing a key share the queue's concurrency limit (a workspace; a phone number for sends). */
  concurrencyKey?: string;
  /** Start no earlier than this many milliseconds from now, or than this moment. */
  delayMs?: number;
  at?: Date;
}

export interface Enqueued {
  id: string;
  /** True when the idempotency key had already started a run: nothing new was queued. */
  isCached: boolean;
}

function startAt(options: EnqueueOptions): Date | undefined {
  if (options.at) return options.at;
  return options.delayMs && options.delayMs > 0 ? new Date(Date.now() + options.delayMs) : undefined;
}

export async function enqueue<TSchema extends z.ZodType>(task: DefinedTask<TSchema>, payload: z.input<TSchema>, options: EnqueueOptions): Promise<Enqueued> {
  const checked = task.definition.schema.parse(payload);
  const triggerDev = liveEnv.triggerDev();
  if (triggerDev) return enqueueOnTriggerDev(task, checked, options, triggerDev);
  // On Vercel no process runs the embedded runner: a queued job would wait forever.
  if (env.VERCEL) throw new Error(`TRIGGER_SECRET_KEY is not set: on Vercel background tasks run on Trigger.dev only (task ${task.id})`);
  return enqueueLocally(task, checked, options);
}

async function enqueueOnTriggerDev(task: DefinedTask, payload: unknown, options: EnqueueOptions, config: { secretKey: string; apiUrl: string | undefined }): Promise<Enqueued> {
  configure({ accessToken: config.secretKey, ...(config.apiUrl ? { baseURL: config.apiUrl } : {}) });
  const handle = await tasks.trigger(task.id, payload, {
    queue: task.definition.queue.name,
    // A global key: the same record ids mean the same run, whoever triggers it.
    idempotencyKey: await idempotencyKeys.create(options.idempotencyKey, { scope: "global" }),
    ...(options.concurrencyKey ? { concurrencyKey: options.concurrencyKey } : {}),
    ...(startAt(options) ? { delay: startAt(options) } : {}),
  });
  // The API answers { id, isCached }; the SDK passes the body on but its type names only the id.
  return { id: handle.id, isCached: "isCached" in handle && handle.isCached === true };
}

async function enqueueLocally(task: DefinedTask, payload: unknown, options: EnqueueOptions): Promise<Enqueued> {
  const boss = await jobQueue();
  await ensureQueue(task);
  const id = jobIdFor(task.id, options.idempotencyKey);
  // pg-boss keeps ids unique among live jobs; finished ones move to its archive, which is checked
  // too, for as long as it keeps them (IDEMPOTENCY_DAYS).
  if (await boss.getJobById(task.id, id, { includeArchive: true })) return { id, isCached: true };
  const sent = await boss.send(task.id, payload as object, { id, ...(startAt(options) ? { startAfter: startAt(options) } : {}), ...(options.concurrencyKey ? { singletonKey: options.concurrencyKey } : {}) });
  return { id, isCached: sent === null };
}
