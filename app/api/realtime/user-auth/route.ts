/**
 * POST /api/realtime/user-auth: pusher-js's `signin()` on the page's connection (form-encoded
 * `socket_id`). The user comes from the live session only; the signature binds the socket to that
 * user id, so the server can later terminate that user's connections (a removed member, sign out
 * everywhere). 403 signed out, 400 malformed, 503 when real-time is not configured.
 */
import { z } from "zod";
import { currentUser } from "@/lib/auth/session";
import { channelAuthRequestSchema } from "@/lib/realtime/auth-request";
import { pusherServer } from "@/lib/realtime/pusher-server";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const signinRequestSchema = z.object({ socket_id: channelAuthRequestSchema.shape.socket_id });

const text = (status: number, body: string) =>
  new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

export async function POST(request: Request): Promise<Response> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return text(400, "Expected a form with socket_id");
  }
  const parsed = signinRequestSchema.safeParse({ socket_id: form.get("socket_id") });
  if (!parsed.success) return text(400, "Expected a form with socket_id");
  const user = await currentUser();
  if (!user) return text(403, "Forbidden");
  const pusher = pusherServer();
  if (!pusher) return text(503, "Real-time is not configured");
  return Response.json(pusher.authenticateUser(parsed.data.socket_id, { id: user.id }), { headers: { "cache-control": "no-store" } });
}
