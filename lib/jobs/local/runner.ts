/**
 * The embedded task runner: pg-boss 10 in the app's own Postgres (the machine's, or the embedded
 * PGlite through the shared pool), running the very definitions of trigger/ when no
 * TRIGGER_SECRET_KEY is set. Started by the Node server (lib/server-start.ts) in its own worker
 * loop; every server process polls the same queue and Postgres hands each job to one of them
 * (FOR UPDATE SKIP LOCKED). A run left active by a killed server expires after the task's
 * maxDuration and is retried, by the next server or another one.
 *
 * What maps from a definition: the task id is the pg-boss queue; the retry policy becomes
 * retryLimit / retryDelay / retryBackoff; a queue's concurrencyLimit is the number of runs at
 * once in each process; delays are startAfter; idempotency keys are job ids (./job-id.ts).
 */
import PgBoss from "pg-boss";
import { liveEnv } from "@/lib/env";
import { logger } from "@/lib/log";
import type { DefinedScheduledTask, DefinedTask, RetryPolicy } from "../define";
import { bossSchema, jobsDb } from "./database";

const log = logger("jobs.runner");

/** Runs at once per queue and process when the queue declares no limit. */
const DEFAULT_LOCAL_CONCURRENCY = 4;
/** Completed and failed jobs are kept this long: the idempotency window, like Trigger.dev's keys. */
export const IDEMPOTENCY_DAYS = 30;

export type RunnerState = "stopped" | "starting" | "running" | "failed";

interface Runner {
  boss: PgBoss;
  state: RunnerState;
  error?: string;
  tasks: Map<string, DefinedTask>;
  /** Queues this process already created or updated: an enqueue then costs no queue lookup. */
  queues: Set<string>;
}

const globalForJobs = globalThis as typeof globalThis & { __parleyJobs?: Runner };

export function retryOptions(retry: RetryPolicy): PgBoss.RetryOptions {
  return { retryLimit: Math.max(0, retry.maxAttempts - 1), retryDelay: Math.max(1, Math.ceil(retry.minTimeoutInMs / 1000)), retryBackoff: retry.factor > 1 };
}

/** pg-boss on the shared pool, created (and its schema migrated) on first use; no workers yet. */
export async function jobQueue(): Promise<PgBoss> {
  const existing = globalForJobs.__parleyJobs;
  // A start that failed (the database was down) is tried again with a fresh instance.
  const runner = existing && existing.state !== "failed" ? existing : createRunner();
  if (runner.state === "stopped") {
    runner.state = "starting";
    try {
      await runner.boss.start();
      runner.state = "running";
    } catch (error) {
      runner.state = "failed";
      runner.error = error instanceof Error ? error.message : String(error);
      throw error;
    }
  }
  return runner.boss;
}

function createRunner(): Runner {
  const boss = new PgBoss({
    db: jobsDb(),
    schema: bossSchema(),
    // Housekeeping (expiring runs of a killed server, archiving, cron) in every process: pg-boss
    // takes an advisory lock, so one of them does it at a time.
    supervise: true,
    schedule: true,
    maintenanceIntervalSeconds: liveEnv.jobsMaintenanceSeconds(),
    archiveCompletedAfterSeconds: 60 * 60,
    deleteAfterDays: IDEMPOTENCY_DAYS,
  });
  boss.on("error", (error) => log.error({ err: error }, "job queue error"));
  const runner: Runner = { boss, state: "stopped", tasks: new Map(), queues: new Set() };
  globalForJobs.__parleyJobs = runner;
  return runner;
}

/** The queue of one task, created with its retry policy and expiry (idempotent). */
export async function ensureQueue(task: DefinedTask | DefinedScheduledTask): Promise<void> {
  const boss = await jobQueue();
  const runner = globalForJobs.__parleyJobs!;
  if (runner.queues.has(task.id)) return;
  const definition = "definition" in task ? task.definition : task.scheduled;
  const retry = "definition" in task ? retryOptions(task.definition.retry) : { retryLimit: 0 };
  const options = { name: task.id, policy: "standard" as const, ...retry, expireInSeconds: definition.maxDuration };
  if (await boss.getQueue(task.id)) await boss.updateQueue(task.id, options);
  else await boss.createQueue(task.id, options);
  runner.queues.add(task.id);
}

/** Starts workers for every task (and the schedules of the scheduled ones). Returns stop(). */
export async function startJobRunner(tasks: DefinedTask[], scheduled: DefinedScheduledTask[] = []): Promise<() => Promise<void>> {
  const boss = await jobQueue();
  const runner = globalForJobs.__parleyJobs!;
  for (const task of tasks) {
    await ensureQueue(task);
    runner.tasks.set(task.id, task);
    const concurrency = task.definition.queue.concurrencyLimit ?? DEFAULT_LOCAL_CONCURRENCY;
    for (let i = 0; i < concurrency; i++) {
      await boss.work<unknown>(task.id, { batchSize: 1, pollingIntervalSeconds: 1, includeMetadata: true }, async ([job]) => {
        if (!job) return;
        const payload = task.definition.schema.parse(job.data);
        try {
          return await task.definition.run(payload);
        } catch (error) {
          // The last attempt: pg-boss moves the job to `failed` once this throws.
          if (task.definition.onFailure && job.retryCount >= job.retryLimit) {
            await task.definition.onFailure(payload, error).catch((hookError: unknown) => log.error({ err: hookError, task: task.id }, "onFailure failed"));
          }
          throw error;
        }
      });
    }
  }
  for (const task of scheduled) {
    await ensureQueue(task);
    await boss.schedule(task.id, task.scheduled.cron, {}, { tz: "UTC" });
    await boss.work(task.id, { batchSize: 1, pollingIntervalSeconds: 5 }, async () => task.scheduled.run(new Date()));
  }
  log.info({ tasks: tasks.map((t) => t.id), scheduled: scheduled.map((t) => t.id) }, "job runner started");
  return stopJobRunner;
}

/** Stops the workers, letting runs in progress finish (up to 30 s). */
export async function stopJobRunner(): Promise<void> {
  const runner = globalForJobs.__parleyJobs;
  if (!runner || runner.state !== "running") return;
  globalForJobs.__parleyJobs = undefined;
  await runner.boss.stop({ graceful: true, wait: true, timeout: 30_000 });
}

export interface RunnerHealth {
  mode: "trigger.dev" | "local";
  state: RunnerState;
  error?: string;
  /** Jobs waiting (created or retrying) and running, per task. */
  backlog: Record<string, { waiting: number; active: number }>;
}

/** The local runner's state and backlog, for GET /api/health. */
export async function localRunnerHealth(): Promise<RunnerHealth> {
  const runner = globalForJobs.__parleyJobs;
  const health: RunnerHealth = { mode: "local", state: runner?.state ?? "stopped", backlog: {} };
  if (runner?.error) health.error = runner.error;
  if (!runner || runner.state !== "running") return health;
  for (const id of runner.tasks.keys()) {
    const waiting = await runner.boss.getQueueSize(id, { before: "active" });
    const beforeDone = await runner.boss.getQueueSize(id, { before: "completed" });
    health.backlog[id] = { waiting, active: beforeDone - waiting };
  }
  return health;
}
