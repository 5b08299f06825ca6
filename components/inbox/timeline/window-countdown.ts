/**
 * The 24-hour customer-service window as the composer shows it: open with the time left, or closed
 * (free text refused, templates only). `windowExpiresAt` is null when the customer never wrote.
 */
export type WindowState = { open: false } | { open: true; hoursLeft: number; minutesLeft: number };

export function windowState(windowExpiresAt: Date | null, now: Date): WindowState {
  if (!windowExpiresAt) return { open: false };
  const msLeft = windowExpiresAt.getTime() - now.getTime();
  if (msLeft <= 0) return { open: false };
  const totalMinutes = Math.ceil(msLeft / 60_000);
  return { open: true, hoursLeft: Math.floor(totalMinutes / 60), minutesLeft: totalMinutes % 60 };
}
