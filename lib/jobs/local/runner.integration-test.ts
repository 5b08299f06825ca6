/**
 * The embedded runner (pg-boss on the test's own Postgres schema) running task definitions the way
 * Trigger.dev would: each payload once, retries by the task's policy, delays, idempotency keys, a
 * killed server's run resumed, and two server processes sharing one queue.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { attempts, doomedTask, echoTask, failures, flakyTask, probeTask } from "@/test/jobs/tasks";
import { createProbeTable, probeRows } from "@/test/jobs/probe";
import { enqueue } from "../enqueue";
import { jobQueue, localRunnerHealth, retryOptions, startJobRunner, stopJobRunner } from "./runner";

vi.hoisted(() => {
  // Expire a killed server's runs within seconds, not the default 30.
  process.env.JOBS_MAINTENANCE_SECONDS = "1";
});

const root = path.resolve(import.meta.dirname, "..", "..", "..");
const children: ChildProcess[] = [];

/** A second server process running the probe task; resolves once its workers poll. */
function startWorkerProcess(): Promise<ChildProcess> {
  // node with tsx's loader, not the tsx command: that one runs the script in a child of its own,
  // which a SIGKILL of the command would leave running.
  const child = spawn(process.execPath, ["--import", "tsx", "test/jobs/worker-process.ts"], {
    cwd: root,
    env: { ...process.env, JOBS_MAINTENANCE_SECONDS: "1" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve(child));
    child.once("exit", (code) => reject(new Error(`worker process exited (${code}) before it was ready`)));
  });
}

const stateOf = async (taskId: string, id: string) => (await (await jobQueue()).getJobById(taskId, id, { includeArchive: true }))?.state;

beforeAll(async () => {
  await createProbeTable();
});
afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  await stopJobRunner();
});

describe("the embedded runner", () => {
  it("maps a task's retry policy onto pg-boss", () => {
    expect(retryOptions({ maxAttempts: 3, minTimeoutInMs: 1_500, maxTimeoutInMs: 60_000, factor: 2 })).toEqual({ retryLimit: 2, retryDelay: 2, retryBackoff: true });
    expect(retryOptions({ maxAttempts: 1, minTimeoutInMs: 100, maxTimeoutInMs: 100, factor: 1 })).toEqual({ retryLimit: 0, retryDelay: 1, retryBackoff: false });
  });

  it("runs each payload once, and an idempotency key seen before queues nothing", async () => {
    await startJobRunner([echoTask, flakyTask, doomedTask]);
    const first = await enqueue(echoTask, { recordId: "r1", count: 1 }, { idempotencyKey: "echo:r1" });
    const again = await enqueue(echoTask, { recordId: "r1", count: 1 }, { idempotencyKey: "echo:r1" });
    expect(first.isCached).toBe(false);
    expect(again).toEqual({ id: first.id, isCached: true });
    await vi.waitFor(async () => expect(await stateOf("test-echo", first.id)).toBe("completed"), { timeout: 15_000, interval: 100 });
    // Once completed, the key still names that run.
    expect(await enqueue(echoTask, { recordId: "r1", count: 1 }, { idempotencyKey: "echo:r1" })).toEqual({ id: first.id, isCached: true });
    expect(attempts.filter((a) => a.task === "test-echo")).toEqual([{ task: "test-echo", payload: { recordId: "r1", count: 1 }, at: expect.any(Number) }]);
  });

  it("retries a failing run by the task's policy until it succeeds", async () => {
    const run = await enqueue(flakyTask, { recordId: "f1" }, { idempotencyKey: "flaky:f1" });
    await vi.waitFor(async () => expect(await stateOf("test-flaky", run.id)).toBe("completed"), { timeout: 20_000, interval: 100 });
    const runs = attempts.filter((a) => a.task === "test-flaky");
    expect(runs).toHaveLength(3);
    // retryDelay 1 s between attempts (pg-boss's own clock: at least most of a second apart).
    expect(runs[1]!.at - runs[0]!.at).toBeGreaterThanOrEqual(900);
    const job = await (await jobQueue()).getJobById("test-flaky", run.id, { includeArchive: true });
    expect(job).toMatchObject({ retryCount: 2, retryLimit: 2 });
  });

  it("calls the task's onFailure once, after its last attempt failed", async () => {
    const run = await enqueue(doomedTask, { recordId: "x1" }, { idempotencyKey: "doomed:x1" });
    await vi.waitFor(async () => expect(await stateOf("test-doomed", run.id)).toBe("failed"), { timeout: 20_000, interval: 100 });
    expect(attempts.filter((a) => a.task === "test-doomed")).toHaveLength(2);
    expect(failures).toEqual([{ payload: { recordId: "x1" }, error: "cannot do x1" }]);
  });

  it("starts a delayed run no earlier than asked", async () => {
    const asked = Date.now();
    const run = await enqueue(echoTask, { recordId: "d1", count: 2 }, { idempotencyKey: "echo:d1", delayMs: 2_000 });
    const job = await (await jobQueue()).getJobById("test-echo", run.id);
    expect(job!.startAfter.getTime()).toBeGreaterThanOrEqual(asked + 1_900);
    await vi.waitFor(async () => expect(await stateOf("test-echo", run.id)).toBe("completed"), { timeout: 15_000, interval: 100 });
    const ran = attempts.find((a) => a.task === "test-echo" && (a.payload as { recordId: string }).recordId === "d1")!;
    expect(ran.at).toBeGreaterThanOrEqual(asked + 2_000);
  });

  it("reports its state and backlog for /api/health", async () => {
    const health = await localRunnerHealth();
    expect(health).toMatchObject({ mode: "local", state: "running" });
    expect(health.backlog["test-echo"]).toEqual({ waiting: 0, active: 0 });
  });

  it("resumes a run a killed server left unfinished, and shares the queue between processes without doubling", async () => {
    const hanging = await startWorkerProcess();
    // The child takes this run and hangs in it; killed, it never finishes it.
    const stuck = await enqueue(probeTask, { recordId: "stuck", hangIn: hanging.pid }, { idempotencyKey: "probe:stuck" });
    await vi.waitFor(async () => expect(await stateOf("test-probe", stuck.id)).toBe("active"), { timeout: 15_000, interval: 100 });
    hanging.kill("SIGKILL");

    // Two servers now: another process and this one, both on the same queue.
    await startWorkerProcess();
    await startJobRunner([probeTask]);
    const ids = Array.from({ length: 30 }, (_, i) => `p${i}`);
    for (const recordId of ids) await enqueue(probeTask, { recordId }, { idempotencyKey: `probe:${recordId}` });

    // The stuck run expires (maxDuration 3 s) and is retried by a live server.
    await vi.waitFor(async () => expect(await stateOf("test-probe", stuck.id)).toBe("completed"), { timeout: 30_000, interval: 200 });
    await vi.waitFor(async () => expect((await probeRows()).length).toBe(31), { timeout: 30_000, interval: 200 });
    const rows = await probeRows();
    expect(rows.map((r) => r.recordId).sort()).toEqual([...ids, "stuck"].sort());
    expect(rows.find((r) => r.recordId === "stuck")!.pid).not.toBe(hanging.pid);
    // Both live processes took a share.
    expect(new Set(rows.map((r) => r.pid)).size).toBe(2);
  });
});
