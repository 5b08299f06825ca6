/**
 * The download step's recovery sweep: every pending Media row that is due (never tried and older
 * than `freshMs`, or past its `nextAttemptAt` — a backoff step, or the lease of a run that died)
 * gets a run. Run every 30 s by the media scheduler in a Node server, every minute by Vercel Cron
 * (GET /api/cron/media). Together with the claim's lease this is the guarantee: after a crash or a
 * restart every pending media is eventually stored or marked unavailable.
 */
import { downloadInSlot } from "./background";
import { dueMediaIds } from "./claim";
import type { DownloadOptions, DownloadResult } from "./download-media";

export interface MediaSweepOptions extends DownloadOptions {
  /** Media per sweep (default 50), oldest first. */
  limit?: number;
  /** Leave never-tried media younger than this to the webhook's hook (default 30 s). */
  freshMs?: number;
  /** Start no new download after this time (serverless time limits); the rest waits for the next sweep. */
  deadline?: Date;
}

export type MediaSweepResult = { due: number } & Record<DownloadResult | "postponed", number>;

export async function downloadPendingMedia(options: MediaSweepOptions = {}): Promise<MediaSweepResult> {
  const { limit = 50, freshMs = 30_000, deadline, ...download } = options;
  const now = (options.now ?? (() => new Date()))();
  const ids = await dueMediaIds(now, { limit, freshMs });
  const result: MediaSweepResult = { due: ids.length, stored: 0, retrying: 0, unavailable: 0, not_claimed: 0, postponed: 0 };
  await Promise.all(
    ids.map(async (id) => {
      result[await downloadInSlot(id, download, deadline)] += 1;
    }),
  );
  return result;
}
