/**
 * Why fetching a media from Meta failed, in words kept on the Media row (`error`), and whether
 * trying again could help: 5xx, timeouts, a refused download URL and a checksum mismatch are
 * worth another try; "no such media" (100/33), a broken token, a file over the limit are not.
 */
import {
  WhatsAppApiError,
  WhatsAppMediaTooLargeError,
  WhatsAppNetworkError,
  WhatsAppRequestError,
  WhatsAppResponseError,
} from "@/lib/whatsapp/errors";
import { formatBytes } from "./limits";

export class MediaFetchError extends Error {
  override readonly name = "MediaFetchError";

  constructor(
    message: string,
    /** True when trying again cannot help (until someone changes something: the token, the limit). */
    readonly permanent: boolean,
    options: { cause?: unknown } = {},
  ) {
    super(message, options);
  }
}

/** Graph's "object does not exist" family: the media id is unknown, deleted by Meta, or not ours. */
const NO_SUCH_MEDIA_CODES = new Set([33, 100, 803]);

/** A media download URL that answered 401/403/404/410 without Meta's envelope: expired, get a new one. */
export function isRefusedUrl(error: unknown): boolean {
  return error instanceof WhatsAppApiError && error.code === null && [401, 403, 404, 410].includes(error.httpStatus);
}

export function toFetchError(error: unknown): MediaFetchError {
  if (error instanceof MediaFetchError) return error;
  if (error instanceof WhatsAppMediaTooLargeError) {
    const size = error.actualBytes === null ? "more than that" : `${error.actualBytes} bytes`;
    return new MediaFetchError(`too large: ${size}, the limit is ${formatBytes(error.limitBytes)}`, true, { cause: error });
  }
  if (error instanceof WhatsAppApiError) {
    if (isRefusedUrl(error)) return new MediaFetchError(`the download URL was refused (HTTP ${error.httpStatus})`, false, { cause: error });
    if (error.code !== null && NO_SUCH_MEDIA_CODES.has(error.code)) {
      return new MediaFetchError(`Meta has no such media (#${error.code}): deleted, expired or not this number's`, true, { cause: error });
    }
    if (error.category === "auth") {
      return new MediaFetchError(
        `Meta refused the connection's access (#${error.code ?? error.httpStatus}): fix the connection, then retry`,
        true,
        {
          cause: error,
        },
      );
    }
    const what = error.code === null ? `HTTP ${error.httpStatus}` : `#${error.code}`;
    return new MediaFetchError(`Meta answered ${what}${error.title ? ` (${error.title})` : ""}`, !error.retryable, { cause: error });
  }
  if (error instanceof WhatsAppNetworkError) {
    return new MediaFetchError(error.kind === "timeout" ? "Meta did not answer in time" : "could not reach Meta", false, { cause: error });
  }
  if (error instanceof WhatsAppResponseError)
    return new MediaFetchError(`unexpected answer from Meta: ${error.message}`, false, { cause: error });
  if (error instanceof WhatsAppRequestError) return new MediaFetchError(error.message, true, { cause: error });
  if (error instanceof DOMException && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return new MediaFetchError("the download took too long", false, { cause: error });
  }
  const text = error instanceof Error ? error.message : String(error);
  return new MediaFetchError(text.replace(/\s+/g, " ").slice(0, 300), false, { cause: error });
}
