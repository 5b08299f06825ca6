/**
 * Tasks for the job mechanism's tests, declared like trigger/'s own. Their bodies record each
 * attempt in `attempts` (in-process runs) and, for the cross-process tests, in the JobProbe table
 * (test/jobs/probe.ts), so a test sees which process ran what and how often.
 */
import { z } from "zod";
import { defineTask } from "@/lib/jobs/define";
import { recordProbe } from "./probe";

export const attempts: { task: string; payload: unknown; at: number }[] = [];
export const failures: { payload: unknown; error: string }[] = [];

const testQueue = { name: "test-jobs", concurrencyLimit: 2 };

export const echoTask = defineTask({
  id: "test-echo",
  schema: z.object({ recordId: z.string().min(1), count: z.number().int() }),
  queue: testQueue,
  retry: { maxAttempts: 1, minTimeoutInMs: 1_000, maxTimeoutInMs: 1_000, factor: 1 },
  maxDuration: 30,
  run: async (payload) => {
    attempts.push({ task: "test-echo", payload, at: Date.now() });
  },
});

/** Fails its first two attempts, then succeeds. */
export const flakyTask = defineTask({
  id: "test-flaky",
  schema: z.object({ recordId: z.string() }),
  queue: testQueue,
  retry: { maxAttempts: 3, minTimeoutInMs: 1_000, maxTimeoutInMs: 1_000, factor: 1 },
  maxDuration: 30,
  run: async (payload) => {
    attempts.push({ task: "test-flaky", payload, at: Date.now() });
    if (attempts.filter((a) => a.task === "test-flaky").length < 3) throw new Error("not yet");
  },
});

/** Records its run in JobProbe; hangs forever when the payload says so and this process is the hanging kind. */
export const probeTask = defineTask({
  id: "test-probe",
  schema: z.object({ recordId: z.string(), hangIn: z.number().int().optional() }),
  queue: { name: "test-probe", concurrencyLimit: 3 },
  retry: { maxAttempts: 3, minTimeoutInMs: 1_000, maxTimeoutInMs: 1_000, factor: 1 },
  maxDuration: 3,
  run: async (payload) => {
    if (payload.hangIn !== undefined && payload.hangIn === process.pid) await new Promise(() => undefined);
    await recordProbe(payload.recordId);
  },
});

/** Always fails: after its last attempt, onFailure records it. */
export const doomedTask = defineTask({
  id: "test-doomed",
  schema: z.object({ recordId: z.string() }),
  queue: testQueue,
  retry: { maxAttempts: 2, minTimeoutInMs: 1_000, maxTimeoutInMs: 1_000, factor: 1 },
  maxDuration: 30,
  run: async (payload) => {
    attempts.push({ task: "test-doomed", payload, at: Date.now() });
    throw new Error(`cannot do ${payload.recordId}`);
  },
  onFailure: async (payload, error) => {
    failures.push({ payload, error: error instanceof Error ? error.message : String(error) });
  },
});
