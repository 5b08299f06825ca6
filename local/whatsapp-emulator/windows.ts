/**
 * The 24-hour customer-service window per (business number, customer): opened and reset by every
 * inbound user message. A click-to-WhatsApp ad referral also opens a 72-hour free entry point window.
 */
export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;
export const FREE_ENTRY_POINT_MS = 72 * 60 * 60 * 1000;

interface WindowState {
  lastInboundAt: number;
  freeEntryPointUntil?: number;
}

export class Windows {
  private readonly state = new Map<string, WindowState>();

  constructor(private readonly now: () => number) {}

  recordInbound(phoneNumberId: string, waId: string, at = this.now(), referral = false): void {
    const key = `${phoneNumberId}:${waId}`;
    const previous = this.state.get(key);
    this.state.set(key, {
      lastInboundAt: Math.max(at, previous?.lastInboundAt ?? 0),
      freeEntryPointUntil: referral ? at + FREE_ENTRY_POINT_MS : previous?.freeEntryPointUntil,
    });
  }

  lastInboundAt(phoneNumberId: string, waId: string): number | undefined {
    return this.state.get(`${phoneNumberId}:${waId}`)?.lastInboundAt;
  }

  isOpen(phoneNumberId: string, waId: string, at = this.now()): boolean {
    const last = this.lastInboundAt(phoneNumberId, waId);
    return last !== undefined && at - last < SERVICE_WINDOW_MS;
  }

  /** When the window closes (ms), if open. */
  closesAt(phoneNumberId: string, waId: string, at = this.now()): number | undefined {
    const last = this.lastInboundAt(phoneNumberId, waId);
    return last !== undefined && at - last < SERVICE_WINDOW_MS ? last + SERVICE_WINDOW_MS : undefined;
  }

  isFreeEntryPoint(phoneNumberId: string, waId: string, at = this.now()): boolean {
    const until = this.state.get(`${phoneNumberId}:${waId}`)?.freeEntryPointUntil;
    return until !== undefined && at < until;
  }

  clear(): void {
    this.state.clear();
  }
}
