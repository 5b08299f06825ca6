/**
 * POST /api/realtime/auth: pusher-js asks here before subscribing to a private channel
 * (form-encoded `socket_id`, `channel_name`). A signed-in member of the workspace gets the
 * signature for `private-workspace-{id}`, a user for their own `private-user-{id}`; everyone else,
 * signed out included, gets 403 — the answer pusher-js expects for a refusal. 400 for a malformed
 * request (whoever sends it), 503 when real-time is not configured.
 */
import { Forbidden } from "@/lib/errors";
import { formInput, textResponse, withSession } from "@/lib/http/route";
import { channelAuthRequestSchema } from "@/lib/realtime/auth-request";
import { realtimeRefusal } from "@/lib/realtime/auth-edge";
import { mayListen } from "@/lib/realtime/authorize-channel";
import { pusherServer } from "@/lib/realtime/pusher-server";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const readChannelAuth = formInput(channelAuthRequestSchema);

export const POST = withSession(
  async ({ user, input }) => {
    if (!(await mayListen(user.id, input.channel_name))) throw Forbidden();
    const pusher = pusherServer();
    if (!pusher) return textResponse(503, "Real-time is not configured");
    return Response.json(pusher.authorizeChannel(input.socket_id, input.channel_name), { headers: { "cache-control": "no-store" } });
  },
  { input: readChannelAuth, onError: realtimeRefusal("Expected a form with socket_id and channel_name") },
);
