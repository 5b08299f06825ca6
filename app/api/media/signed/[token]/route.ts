/**
 * GET /api/media/signed/<token>: what a disk-driver signed URL (lib/storage, `signedUrl`) grants —
 * the bytes, with ranges, until the token expires — without cookies, so an <audio> element, a
 * download link or a server-side fetch can use it. Forged, expired and missing answer 404 alike.
 */
import { getStorage } from "@/lib/storage";
import { headFromGet, serveSignedDownload } from "@/lib/storage/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  return serveSignedDownload(getStorage(), token, request.headers.get("range"));
}

export async function HEAD(request: Request, context: { params: Promise<{ token: string }> }): Promise<Response> {
  return headFromGet(await GET(request, context));
}
