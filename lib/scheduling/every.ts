/**
 * A background timer of a long-lived Node server (`next start`, `npm run dev`): `run` once after
 * `firstMs`, then every `intervalMs`, never two runs at once in this process, a failure logged and
 * the next run going ahead. Timers are unref'd so they never keep a process alive. Returns stop().
 * On Vercel no process lives between requests; Vercel Cron calls the matching /api/cron route.
 */
import { logger } from "@/lib/log";

const log = logger("scheduler");

export function every(name: string, firstMs: number, intervalMs: number, run: () => Promise<unknown>): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await run();
    } catch (error) {
      log.error({ err: error }, `${name} failed`);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), firstMs);
  const interval = setInterval(() => void tick(), intervalMs);
  first.unref();
  interval.unref();
  return () => {
    clearTimeout(first);
    clearInterval(interval);
  };
}
