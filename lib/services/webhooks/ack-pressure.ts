/**
 * How many webhook deliveries this process is acknowledging right now. Processing yields to them
 * (background.ts): Meta waits for our 200 and retries a slow one, so during a burst (a campaign's
 * status storm) the acknowledgements get the CPU and the stored events are processed in the gaps
 * and right after. Nothing is at risk meanwhile: every acknowledged event is already in Postgres.
 */
let inFlight = 0;
const idleListeners = new Set<() => void>();

/** Marks one acknowledgement as started; call the returned function exactly once when it ends. */
export function beginAcknowledgement(): () => void {
  inFlight += 1;
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    inFlight -= 1;
    if (inFlight === 0) for (const listener of idleListeners) listener();
  };
}

export function acknowledgementsInFlight(): number {
  return inFlight;
}

/** Calls `listener` whenever the last acknowledgement in flight ends. */
export function onAcknowledgementsIdle(listener: () => void): void {
  idleListeners.add(listener);
}

/**
 * A bounded pool of work slots that shrinks to `busy` while acknowledgements are in flight and
 * grows back to `idle` as soon as the last one ends; waiters are served in order. Used by webhook
 * processing and by media downloads, the two kinds of work that follow a delivery.
 */
export class YieldingSlots {
  private active = 0;
  private readonly queue: (() => void)[] = [];

  constructor(
    private readonly idle: number,
    private readonly busy: number,
  ) {
    onAcknowledgementsIdle(() => this.pump());
  }

  /** Slots in use. */
  get running(): number {
    return this.active;
  }

  /** Callers waiting for a slot. */
  get waiting(): number {
    return this.queue.length;
  }

  async acquire(): Promise<void> {
    if (this.queue.length === 0 && this.active < this.limit()) {
      this.active += 1;
      return;
    }
    await new Promise<void>((resolve) => this.queue.push(resolve));
  }

  /** Frees a slot taken with acquire() and hands free slots to waiters. */
  release(): void {
    this.active -= 1;
    this.pump();
  }

  private limit(): number {
    return acknowledgementsInFlight() > 0 ? this.busy : this.idle;
  }

  private pump(): void {
    while (this.active < this.limit()) {
      const next = this.queue.shift();
      if (!next) return;
      this.active += 1;
      next();
    }
  }
}
