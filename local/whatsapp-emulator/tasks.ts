/**
 * Background work of the emulator (status timers, template reviews, webhook deliveries and their
 * retries), tracked so tests can wait for it to finish (`settle`) and `stop` can cancel it.
 */
export class Tasks {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<unknown>>();
  private readonly idleWaiters: (() => void)[] = [];
  private stopped = false;

  /** Runs `fn` after `delayMs`; its promise counts as pending work until it settles. */
  later(delayMs: number, fn: () => unknown): void {
    if (this.stopped) return;
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        this.track(Promise.resolve().then(fn));
      },
      Math.max(0, delayMs),
    );
    this.timers.add(timer);
  }

  /** Counts `promise` as pending work; its rejection is swallowed here (callers handle their own). */
  track<T>(promise: Promise<T>): Promise<T> {
    const tracked = promise.finally(() => {
      this.running.delete(tracked);
      this.notifyIfIdle();
    });
    this.running.add(tracked);
    tracked.catch(() => {});
    return tracked;
  }

  get pending(): number {
    return this.timers.size + this.running.size;
  }

  /** Resolves once no timer is waiting and nothing is running (new work scheduled meanwhile included). */
  settle(timeoutMs = 30_000): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.idleWaiters.splice(this.idleWaiters.indexOf(done), 1);
        reject(new Error(`whatsapp emulator: ${this.pending} background tasks still pending after ${timeoutMs} ms`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      this.idleWaiters.push(done);
    });
  }

  private notifyIfIdle(): void {
    if (this.pending > 0) return;
    for (const waiter of this.idleWaiters.splice(0)) waiter();
  }

  /** Cancels every waiting timer; running work finishes on its own. */
  cancelAll(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.notifyIfIdle();
  }

  stop(): void {
    this.stopped = true;
    this.cancelAll();
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
