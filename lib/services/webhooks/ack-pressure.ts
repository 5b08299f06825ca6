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
