/**
 * Downloads right after a webhook event commits (hooks.onProcessed), bounded: at most CONCURRENCY
 * media move at once per process (each may be up to 100 MB in memory), one while webhook deliveries
 * are being acknowledged (their 200s come first), the rest wait in memory, and past MAX_QUEUED
 * they are left to the sweep. Only a speed-up: every pending Media row is already a durable work
 * item that sweep.ts finishes whatever this process does.
 *
 * Off until a server turns it on (instrumentation.ts calls enableMediaDownloads()), so scripts and
 * tests that process webhooks do not reach out to Meta unless they ask to.
 */
import { logger } from "@/lib/log";
import { downloadMedia, type DownloadOptions, type DownloadResult } from "./download-media";
import { YieldingSlots } from "@/lib/services/webhooks/ack-pressure";

const log = logger("media.background");

export const CONCURRENCY = 3;
export const MAX_QUEUED = 1_000;

let enabled = false;
let waitInHook = false;
/** While webhook deliveries are being acknowledged, one download at a time: the 200s come first. */
const slots = new YieldingSlots(CONCURRENCY, 1);
const inFlight = new Set<string>();
const idleWaiters: (() => void)[] = [];

/**
 * Turns downloads after webhook processing on (or off). `waitInHook`: the webhook hook waits for
 * them — on Vercel, where a function may be frozen once its `after()` work resolves; a long-lived
 * server lets them run on their own instead, so webhook processing slots are never held by a
 * download.
 */
export function enableMediaDownloads(on = true, options: { waitInHook?: boolean } = {}): void {
  enabled = on;
  waitInHook = options.waitInHook ?? false;
}

export function mediaDownloadsEnabled(): boolean {
  return enabled;
}

function release(): void {
  slots.release();
  if (slots.running === 0 && inFlight.size === 0) idleWaiters.splice(0).forEach((resolve) => resolve());
}

/** Runs `task` when one of the CONCURRENCY slots is free (shared by the hook and the sweep). */
export async function withDownloadSlot<T>(task: () => Promise<T>): Promise<T> {
  await slots.acquire();
  try {
    return await task();
  } finally {
    release();
  }
}

/**
 * One download in a slot; the same id twice in this process runs once. With a `deadline`, a
 * download whose slot comes after it is not started ("postponed": the next sweep takes it).
 */
export async function downloadInSlot(mediaId: string, options?: DownloadOptions, deadline?: Date): Promise<DownloadResult | "postponed"> {
  if (inFlight.has(mediaId)) return "not_claimed";
  inFlight.add(mediaId);
  try {
    return await withDownloadSlot(() =>
      deadline && Date.now() > deadline.getTime() ? Promise.resolve("postponed" as const) : downloadMedia(mediaId, options),
    );
  } finally {
    inFlight.delete(mediaId);
    if (slots.running === 0 && inFlight.size === 0) idleWaiters.splice(0).forEach((resolve) => resolve());
  }
}

/**
 * Starts the downloads of a committed event's media (nothing when downloads are off). Resolves
 * at once, or when they are done if enabled with `waitInHook`. Never rejects.
 */
export async function downloadMediaSoon(mediaIds: readonly string[]): Promise<void> {
  if (!enabled || mediaIds.length === 0) return;
  const runs: Promise<unknown>[] = [];
  for (const mediaId of mediaIds) {
    if (inFlight.size >= MAX_QUEUED) {
      log.warn({ mediaId, queued: inFlight.size }, "media download queue full; leaving the media to the sweep");
      continue;
    }
    runs.push(
      downloadInSlot(mediaId).catch((error: unknown) =>
        log.error({ mediaId, err: error }, "media download failed; the sweep will retry it"),
      ),
    );
  }
  if (waitInHook) await Promise.all(runs);
}

/** Resolves once no download of this process is running or waiting (tests, graceful stops). */
export function mediaDownloadsIdle(): Promise<void> {
  if (slots.running === 0 && inFlight.size === 0) return Promise.resolve();
  return new Promise((resolve) => idleWaiters.push(resolve));
}
