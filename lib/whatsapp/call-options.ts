/** Per-call options every client method accepts. */
export interface CallOptions {
  /** Cancels the call; the caller's abort reason is rethrown as is (not wrapped). */
  signal?: AbortSignal;
  /** Overrides the client's timeout for this call (media downloads of large files need more). */
  timeoutMs?: number;
}
