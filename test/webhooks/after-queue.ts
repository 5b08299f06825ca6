/**
 * Stands in for `after()` of next/server in route tests, which only works inside a Next request:
 *
 *   import type * as NextServer from "next/server";
 *   vi.mock("next/server", async (importOriginal) => ({
 *     ...(await importOriginal<typeof NextServer>()),
 *     after: (await import("@/test/webhooks/after-queue")).enqueueAfter,
 *   }));
 *
 * Tasks wait in a queue until the test runs them with `drainAfter()` — as Next would, once the
 * response has gone — or drops them with `discardAfter()` (a crash after the 200). Outside Vercel
 * the webhook's task only queues the event (it does not wait for processing), so `drainAfter()`
 * also waits for the processing queue to empty.
 */
import { whenProcessingIdle } from "@/lib/services/webhooks/background";

type Task = (() => unknown) | Promise<unknown>;

const queue: Task[] = [];

export function enqueueAfter(task: Task): void {
  queue.push(task);
}

export async function drainAfter(): Promise<number> {
  let ran = 0;
  while (queue.length > 0) {
    const task = queue.shift()!;
    await (typeof task === "function" ? task() : task);
    ran += 1;
  }
  await whenProcessingIdle();
  return ran;
}

export function discardAfter(): number {
  return queue.splice(0).length;
}

export function pendingAfter(): number {
  return queue.length;
}
