/**
 * Calls `onWake` when the page may have missed real-time events while it could not listen: the
 * tab comes back after being hidden a while (browsers throttle or drop background sockets), or
 * the machine slept (timers stop: an interval fires far later than it should have). Browser
 * only; a no-op elsewhere. Returns a stop function.
 */
const TICK_MS = 5_000;
/** An interval late by this much means the machine (or the tab's process) was suspended. */
const SLEEP_GAP_MS = 30_000;
/** Hidden at least this long: assume the socket may have missed something. */
const HIDDEN_LONG_MS = 60_000;

export function watchForWake(onWake: () => void): () => void {
  if (typeof window === "undefined" || typeof document === "undefined") return () => {};
  let lastTick = Date.now();
  let hiddenSince: number | null = document.visibilityState === "hidden" ? Date.now() : null;
  let sleptWhileHidden = false;

  const tick = setInterval(() => {
    const now = Date.now();
    const slept = now - lastTick > TICK_MS + SLEEP_GAP_MS;
    lastTick = now;
    if (!slept) return;
    if (document.visibilityState === "visible") onWake();
    else sleptWhileHidden = true;
  }, TICK_MS);

  const onVisibility = () => {
    if (document.visibilityState === "hidden") {
      hiddenSince = Date.now();
      return;
    }
    const longHidden = hiddenSince !== null && Date.now() - hiddenSince >= HIDDEN_LONG_MS;
    if (longHidden || sleptWhileHidden) onWake();
    hiddenSince = null;
    sleptWhileHidden = false;
  };
  document.addEventListener("visibilitychange", onVisibility);

  return () => {
    clearInterval(tick);
    document.removeEventListener("visibilitychange", onVisibility);
  };
}
