/**
 * Meta's 24-hour customer-service window: free-form messages (text, media, reactions) may go to a
 * customer only within 24 hours of that customer's last message to us; outside it, only templates
 * (DESIGN.md invariant 5). The window is the later of the conversation's and the contact's last
 * inbound message, so a message the customer wrote in an older conversation still counts.
 */
export const WINDOW_MS = 24 * 60 * 60 * 1000;

export function windowExpiresAt(...lastInbound: (Date | null | undefined)[]): Date | null {
  const times = lastInbound.filter((at): at is Date => at instanceof Date).map((at) => at.getTime());
  return times.length === 0 ? null : new Date(Math.max(...times) + WINDOW_MS);
}

export function isWindowOpen(expiresAt: Date | null, now: Date = new Date()): boolean {
  return expiresAt !== null && expiresAt.getTime() > now.getTime();
}
