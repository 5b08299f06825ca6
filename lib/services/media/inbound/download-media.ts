/**
 * One run of the download step for one Media row, after the webhook event that created it has
 * committed: claim (claim.ts), fetch from Meta (fetch-from-meta.ts), store the bytes and a
 * thumbnail (store-bytes.ts), then settle the row in one conditional UPDATE:
 *
 *   stored       bytes in storage; storageKey, thumbnailKey, fileSize, sha256 (hex), mimeType set
 *   pending      a retryable failure: `error` says why, `nextAttemptAt` = the next backoff step
 *   unavailable  a permanent failure, or MAX_DOWNLOAD_ATTEMPTS runs failed: `error` says why
 *
 * No database transaction is open while bytes move. Never throws for a download problem.
 */
import { prisma } from "@/lib/db";
import { tenantDb } from "@/lib/db/tenant";
import { logger } from "@/lib/log";
import { extensionFor, mediaKey, type Storage } from "@/lib/storage";
import { clientForConnection } from "@/lib/services/whatsapp/client-for";
import { connectionById, connectionForWorkspace, type ConnectionWithSecrets } from "@/lib/services/whatsapp/connection-secrets";
import type { WhatsAppClient } from "@/lib/whatsapp/client";
import { deleteMediaBytes, storeMediaBytes } from "../store-bytes";
import { THUMBNAIL_EXTENSION } from "../thumbnail";
import { CLAIM_BUDGET_MS, claimMedia } from "./claim";
import { MediaFetchError, toFetchError } from "./fetch-error";
import { fetchMediaFromMeta, type FetchOptions } from "./fetch-from-meta";
import { inboundLimitBytes } from "./limits";

const log = logger("media.download");

/** Runs before a media is left unavailable; with the backoff below the last comes about 5.7 h after the first. */
export const MAX_DOWNLOAD_ATTEMPTS = 6;
/** Wait after the n-th failed run: 1 min × 4^(n-1) — 1, 4, 16, 64, 256 minutes. */
export function retryDelayMs(attempts: number): number {
  return 60_000 * 4 ** Math.min(Math.max(attempts - 1, 0), 8);
}

export type DownloadResult = "stored" | "retrying" | "unavailable" | "not_claimed";

export interface DownloadOptions extends Omit<FetchOptions, "signal"> {
  now?: () => Date;
  maxAttempts?: number;
  storage?: Storage;
  /** The Graph client for a connection (default: clientForConnection). Tests wrap it. */
  clientFor?: (connection: ConnectionWithSecrets) => WhatsAppClient;
  signal?: AbortSignal;
}

const MEDIA_SELECT = {
  id: true,
  workspaceId: true,
  direction: true,
  metaMediaId: true,
  mimeType: true,
  sha256: true,
  attempts: true,
  storageKey: true,
  thumbnailKey: true,
  message: { select: { type: true, connectionId: true } },
} as const;

type ClaimedMedia = NonNullable<Awaited<ReturnType<typeof loadClaimed>>>;

// By id alone: the background runs (hook, sweep) work across workspaces; once the row is loaded,
// its own workspace scopes every further write (tenantDb(media)).
function loadClaimed(mediaId: string) {
  return prisma.media.findUnique({ where: { id: mediaId }, select: MEDIA_SELECT });
}

export async function downloadMedia(mediaId: string, options: DownloadOptions = {}): Promise<DownloadResult> {
  const clock = options.now ?? (() => new Date());
  if (!(await claimMedia(mediaId, clock()))) return "not_claimed";
  const media = await loadClaimed(mediaId);
  if (!media) return "not_claimed";

  try {
    const fetched = await fetchAndStore(media, options);
    return await settleStored(media, fetched, options.storage);
  } catch (error) {
    return settleFailed(media, toFetchError(error), clock(), options.maxAttempts ?? MAX_DOWNLOAD_ATTEMPTS, options.storage);
  }
}

async function fetchAndStore(media: ClaimedMedia, options: DownloadOptions) {
  if (media.direction === "outbound") {
    // An agent's attachment whose preparation died midway: nothing to fetch, and nothing was sent.
    throw new MediaFetchError("interrupted while it was being prepared; attach the file again", true);
  }
  if (!media.metaMediaId) throw new MediaFetchError("no Meta media id to fetch", true);
  const connection =
    (media.message?.connectionId ? await connectionById(media.workspaceId, media.message.connectionId) : null) ??
    (await connectionForWorkspace(media.workspaceId));
  if (!connection) throw new MediaFetchError("the workspace has no WhatsApp connection to fetch it with", true);

  const client = (options.clientFor ?? clientForConnection)(connection);
  const budget = AbortSignal.timeout(CLAIM_BUDGET_MS);
  const fetched = await fetchMediaFromMeta(
    client,
    { metaMediaId: media.metaMediaId, expectedSha256: media.sha256, maxBytes: inboundLimitBytes(media.message?.type, media.mimeType) },
    { ...options, signal: options.signal ? AbortSignal.any([options.signal, budget]) : budget },
  );
  const mimeType = fetched.mimeType || media.mimeType;
  const stored = await storeMediaBytes(media, fetched.bytes, mimeType, options.storage);
  return { ...stored, mimeType };
}

async function settleStored(
  media: ClaimedMedia,
  stored: Awaited<ReturnType<typeof fetchAndStore>>,
  storage: Storage | undefined,
): Promise<DownloadResult> {
  const { count } = await tenantDb(media).media.updateMany({
    where: { id: media.id, status: "pending" },
    data: {
      status: "stored",
      storageKey: stored.storageKey,
      thumbnailKey: stored.thumbnailKey,
      fileSize: stored.fileSize,
      sha256: stored.sha256,
      mimeType: stored.mimeType,
      error: null,
      nextAttemptAt: null,
    },
  });
  if (count === 1) return "stored";
  // The row moved on meanwhile: deleted by the retention clean-up (drop what we just wrote), or
  // stored by another run after our lease ran out (same keys, same bytes: keep them).
  const now = await tenantDb(media).media.findUnique({ where: { id: media.id }, select: { status: true } });
  if (now?.status !== "stored") await deleteMediaBytes([stored.storageKey, stored.thumbnailKey], storage);
  return "not_claimed";
}

async function settleFailed(
  media: ClaimedMedia,
  failure: MediaFetchError,
  now: Date,
  maxAttempts: number,
  storage: Storage | undefined,
): Promise<DownloadResult> {
  const giveUp = failure.permanent || media.attempts >= maxAttempts;
  const error = `${failure.message} (attempt ${media.attempts})`.slice(0, 1_000);
  if (media.direction === "outbound") await deleteMediaBytes(possibleKeys(media), storage);
  await tenantDb(media).media.updateMany({
    where: { id: media.id, status: "pending" },
    data: giveUp
      ? { status: "unavailable", error, nextAttemptAt: null }
      : { error, nextAttemptAt: new Date(now.getTime() + retryDelayMs(media.attempts)) },
  });
  log[giveUp ? "warn" : "info"](
    { mediaId: media.id, attempts: media.attempts, error: failure.message },
    giveUp ? "media unavailable" : "media download will be retried",
  );
  return giveUp ? "unavailable" : "retrying";
}

/** Where an interrupted preparation may have left bytes (its keys are not recorded until it finishes). */
function possibleKeys(media: ClaimedMedia): string[] {
  return [
    media.storageKey ?? mediaKey(media.workspaceId, media.id, "original", extensionFor(media.mimeType)),
    media.thumbnailKey ?? mediaKey(media.workspaceId, media.id, "thumbnail", THUMBNAIL_EXTENSION),
  ];
}
