/**
 * One media's bytes from Meta: metadata (a download URL that lives 5 minutes), then the bytes with
 * the bearer token, size-checked while streaming and checked against the SHA-256 the webhook gave
 * (base64) and the media node gives (hex). A refused URL (401/403/404: expired) gets a fresh one
 * from new metadata at once; other retryable failures are tried again after a short backoff, a
 * few times. The caller (download-media.ts) turns what still fails into the Media row's state.
 */
import type { WhatsAppClient } from "@/lib/whatsapp/client";
import { WhatsAppMediaTooLargeError } from "@/lib/whatsapp/errors";
import { sha256Hex, sha256Of } from "../sha256";
import { isRefusedUrl, MediaFetchError, toFetchError } from "./fetch-error";

const MB = 1024 * 1024;

export interface MediaToFetch {
  metaMediaId: string;
  /** As the webhook gave it (base64) or as we stored it (hex); null when unknown. */
  expectedSha256: string | null;
  maxBytes: number;
}

export interface FetchedMedia {
  bytes: Buffer;
  /** Meta's type for the media (the node's `mime_type`). */
  mimeType: string;
  /** Lowercase hex. */
  sha256: string;
}

export interface FetchOptions {
  /** Tries in all (default 3). */
  tries?: number;
  /** Waits between tries (default 1 s, then 3 s). */
  retryDelaysMs?: readonly number[];
  /** New URLs per try when one is refused (default 2). */
  urlRefreshes?: number;
  sleep?: (ms: number) => Promise<void>;
  signal?: AbortSignal;
}

export const DEFAULT_RETRY_DELAYS_MS = [1_000, 3_000] as const;

/** Room for a slow link: 30 s plus 1 s per MB the file may have (a 100 MB document: 130 s). */
export function downloadTimeoutMs(maxBytes: number): number {
  return 30_000 + Math.ceil(maxBytes / MB) * 1_000;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function fetchMediaFromMeta(client: WhatsAppClient, media: MediaToFetch, options: FetchOptions = {}): Promise<FetchedMedia> {
  const tries = Math.max(1, options.tries ?? 3);
  const delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const sleep = options.sleep ?? sleepFor;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetchOnce(client, media, options.urlRefreshes ?? 2, options.signal);
    } catch (error) {
      const failure = toFetchError(error);
      if (failure.permanent || attempt >= tries || options.signal?.aborted) throw failure;
      await sleep(delays[Math.min(attempt - 1, delays.length - 1)] ?? 1_000);
    }
  }
}

async function fetchOnce(client: WhatsAppClient, media: MediaToFetch, urlRefreshes: number, signal: AbortSignal | undefined) {
  const { maxBytes } = media;
  let node = await client.getMediaMetadata(media.metaMediaId, { signal });
  if (node.fileSize !== null && node.fileSize > maxBytes) throw new WhatsAppMediaTooLargeError(maxBytes, node.fileSize);
  for (let refresh = 0; ; refresh++) {
    let bytes: Buffer;
    try {
      ({ bytes } = await client.downloadMedia(node.url, { maxBytes, signal, timeoutMs: downloadTimeoutMs(maxBytes) }));
    } catch (error) {
      if (refresh >= urlRefreshes || !isRefusedUrl(error)) throw error;
      node = await client.getMediaMetadata(media.metaMediaId, { signal });
      continue;
    }
    const actual = sha256Of(bytes);
    const expected = [sha256Hex(media.expectedSha256), sha256Hex(node.sha256)].filter((hash): hash is string => hash !== null);
    if (expected.some((hash) => hash !== actual)) {
      throw new MediaFetchError(`checksum mismatch: the bytes' sha256 is ${actual}, Meta announced ${expected.join(" / ")}`, false);
    }
    return { bytes, mimeType: node.mimeType, sha256: actual };
  }
}
