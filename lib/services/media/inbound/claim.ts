/**
 * Claiming a pending Media row for one download run. The claim is one conditional UPDATE — only a
 * pending row that is due (`nextAttemptAt` null or past) — that counts the attempt and pushes
 * `nextAttemptAt` past the longest a run can take (LEASE_MS): two workers (the webhook's hook, a
 * sweep, a retry button) never download one media at once, and a run that dies with its process
 * leaves a row the sweep claims again once the lease has passed. Nothing is held open meanwhile.
 */
import { prisma } from "@/lib/db";

/** A run gives up after CLAIM_BUDGET_MS; the lease outlasts it. */
export const CLAIM_BUDGET_MS = 10 * 60_000;
export const LEASE_MS = 15 * 60_000;

const dueAt = (now: Date) => ({ OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }] });

export async function claimMedia(mediaId: string, now: Date): Promise<boolean> {
  const { count } = await prisma.media.updateMany({
    where: { id: mediaId, status: "pending", ...dueAt(now) },
    // `error` is cleared while a run holds the row: a pending row with an error is waiting out a
    // backoff step, one without is either never tried or being downloaded right now.
    data: { attempts: { increment: 1 }, nextAttemptAt: new Date(now.getTime() + LEASE_MS), error: null },
  });
  return count === 1;
}

/** Pending media due for a run, oldest first. Never-tried media younger than `freshMs` are left to the webhook's own hook. */
export async function dueMediaIds(now: Date, options: { limit: number; freshMs: number }): Promise<string[]> {
  const rows = await prisma.media.findMany({
    where: {
      status: "pending",
      OR: [{ nextAttemptAt: null, createdAt: { lte: new Date(now.getTime() - options.freshMs) } }, { nextAttemptAt: { lte: now } }],
    },
    orderBy: { createdAt: "asc" },
    take: options.limit,
    select: { id: true },
  });
  return rows.map((row) => row.id);
}
