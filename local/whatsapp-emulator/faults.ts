/**
 * Fault injection: the per-number throughput cap (token bucket → 130429), the pair rate limit
 * (→ 131056), random 5xx, slow answers, undeliverable recipients, and failing or corrupted media
 * downloads. Settable at runtime.
 */
import { errors } from "./graph-errors";
import { normalizeWaId } from "./ids";
import { defaultThroughput } from "./phone-numbers";
import { sleep } from "./tasks";
import type { EmulatorFaults, EmulatorPhoneNumber } from "./types";

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export const DEFAULT_PAIR_WINDOW_MS = 6000;

export class Faults {
  private faults: EmulatorFaults;
  private readonly buckets = new Map<string, Bucket>();
  private readonly pairs = new Map<string, number[]>();

  constructor(
    private readonly initial: EmulatorFaults,
    private readonly now: () => number,
    private readonly random: () => number,
  ) {
    this.faults = { ...initial };
  }

  get(): EmulatorFaults {
    const copy: EmulatorFaults = { ...this.faults };
    if (copy.undeliverable) copy.undeliverable = [...copy.undeliverable];
    if (copy.pairRateLimit) copy.pairRateLimit = { ...copy.pairRateLimit };
    return copy;
  }

  /** Replaces every fault setting (unset fields go back to "off" / Meta's defaults). */
  set(faults: EmulatorFaults | undefined): void {
    this.faults = { ...(faults ?? {}) };
    this.buckets.clear();
    this.pairs.clear();
  }

  reset(): void {
    this.set(this.initial);
  }

  async slow(): Promise<void> {
    if (this.faults.slowMs && this.faults.slowMs > 0) await sleep(this.faults.slowMs);
  }

  /** Throws a 500 (131000 or 2) for a share of requests. */
  maybeFail(): void {
    const rate = this.faults.random5xxRate ?? 0;
    if (rate > 0 && this.random() < rate) throw errors.serviceUnavailable(this.faults.random5xxCode ?? 131000);
  }

  /** True when this media download should answer 500 (mediaDownload5xxRate). */
  failMediaDownload(): boolean {
    const rate = this.faults.mediaDownload5xxRate ?? 0;
    return rate > 0 && this.random() < rate;
  }

  /** The bytes to serve for a download: a copy with one byte changed for a share of them (mediaCorruptRate). */
  mediaBytes(bytes: Buffer): Buffer {
    const rate = this.faults.mediaCorruptRate ?? 0;
    if (!(rate > 0 && this.random() < rate) || bytes.length === 0) return bytes;
    const corrupt = Buffer.from(bytes);
    const at = corrupt.length >> 1;
    corrupt[at] = corrupt[at]! ^ 0xff;
    return corrupt;
  }

  /** Takes one message from the number's bucket, or throws 130429. */
  takeThroughput(number: EmulatorPhoneNumber): void {
    const rate = this.faults.throughputPerSecond ?? defaultThroughput(number);
    if (rate <= 0 || !Number.isFinite(rate)) return;
    const now = this.now();
    const bucket = this.buckets.get(number.phoneNumberId) ?? { tokens: rate, updatedAt: now };
    bucket.tokens = Math.min(rate, bucket.tokens + ((now - bucket.updatedAt) / 1000) * rate);
    bucket.updatedAt = now;
    this.buckets.set(number.phoneNumberId, bucket);
    if (bucket.tokens < 1) throw errors.throughput(this.faults.rateLimitHttpStatus ?? 400);
    bucket.tokens -= 1;
  }

  /** Counts a message to `waId`, or throws 131056 when the pair limit is set and exceeded. */
  takePair(number: EmulatorPhoneNumber, waId: string): void {
    const limit = this.faults.pairRateLimit;
    if (!limit) return;
    const windowMs = limit.windowMs ?? DEFAULT_PAIR_WINDOW_MS;
    const now = this.now();
    const key = `${number.phoneNumberId}:${waId}`;
    const recent = (this.pairs.get(key) ?? []).filter((at) => now - at < windowMs);
    if (recent.length >= limit.messages) {
      this.pairs.set(key, recent);
      throw errors.pairRate(this.faults.rateLimitHttpStatus ?? 400);
    }
    recent.push(now);
    this.pairs.set(key, recent);
  }

  isUndeliverable(waId: string): boolean {
    return (this.faults.undeliverable ?? []).some((entry) => normalizeWaId(entry) === waId);
  }
}
