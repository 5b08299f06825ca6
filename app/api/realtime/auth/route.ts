/**
 * POST /api/realtime/auth: pusher-js asks here before subscribing to a private channel
 * (form-encoded `socket_id`, `channel_name`). A signed-in member of the workspace gets the
 * signature for `private-workspace-{id}`, a user for their own `private-user-{id}`; everyone else,
 * signed out included, gets 403 — the answer pusher-js expects for a refusal. 400 for a malformed
 * request, 503 when real-time is not configured.
 */
import { currentUser } from "@/lib/auth/session";
import { channelAuthRequestSchema } from "@/lib/realtime/auth-request";
import { mayListen } from "@/lib/realtime/authorize-channel";
import { pusherServer } from "@/lib/realtime/pusher-server";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const text = (status: number, body: string) =>
  new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

export async function POST(request: Request): Promise<Response> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return text(400, "Expected a form with socket_id and channel_name");
  }
  const parsed = channelAuthRequestSchema.safeParse({ socket_id: form.get("socket_id"), channel_name: form.get("channel_name") });
  if (!parsed.success) return text(400, "Expected a form with socket_id and channel_name");

  const user = await currentUser();
  if (!user || !(await mayListen(user.id, parsed.data.channel_name))) return text(403, "Forbidden");

  const pusher = pusherServer();
  if (!pusher) return text(503, "Real-time is not configured");
  return Response.json(pusher.authorizeChannel(parsed.data.socket_id, parsed.data.channel_name), { headers: { "cache-control": "no-store" } });
}
