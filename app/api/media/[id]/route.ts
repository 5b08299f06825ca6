/**
 * GET /api/media/<id>[?variant=thumbnail]: a Media row's bytes, to a signed-in member of the
 * media's workspace only; everyone else — signed out, another workspace, a missing id — gets the
 * same plain 404. Disk storage streams through here (with Range → 206 for seeking); S3 answers
 * with a 302 to a short-lived presigned URL (lib/storage/README.md explains why).
 */
import { isAppError, NotFound } from "@/lib/errors";
import { withSession } from "@/lib/http/route";
import { serveMedia, type MediaVariant } from "@/lib/services/media/serve-media";
import { StorageRangeError } from "@/lib/storage";
import { headFromGet, mediaResponse, notFoundResponse, parseRangeHeader, rangeNotSatisfiableResponse, redirectResponse } from "@/lib/storage/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const VARIANTS: readonly string[] = ["original", "thumbnail"] satisfies MediaVariant[];

/** An <img> or <video> gets bytes or one plain 404: no JSON, and no hint of why. */
function mediaFailure(error: unknown): Response | undefined {
  if (isAppError(error) && (error.code === "not_found" || error.code === "unauthorized")) return notFoundResponse();
  if (error instanceof StorageRangeError) return rangeNotSatisfiableResponse(error.size);
  return undefined;
}

export const GET = withSession<{ id: string }>(
  async ({ request, params, user }) => {
    const variant = new URL(request.url).searchParams.get("variant") ?? "original";
    if (!VARIANTS.includes(variant)) throw NotFound();
    const delivery = await serveMedia(user.id, params.id, {
      variant: variant as MediaVariant,
      range: parseRangeHeader(request.headers.get("range")),
    });
    if (delivery.kind === "redirect") return redirectResponse(delivery.url, delivery.maxAgeSeconds);
    // Only our own pages embed it (they send the session cookie anyway).
    return mediaResponse({ ...delivery, headers: { "Cross-Origin-Resource-Policy": "same-origin" } });
  },
  { onError: mediaFailure },
);

export async function HEAD(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return headFromGet(await GET(request, context));
}
