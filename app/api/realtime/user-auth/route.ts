/**
 * POST /api/realtime/user-auth: pusher-js's `signin()` on the page's connection (form-encoded
 * `socket_id`). The user comes from the live session only; the signature binds the socket to that
 * user id, so the server can later terminate that user's connections (a removed member, sign out
 * everywhere). 403 signed out, 400 malformed, 503 when real-time is not configured.
 */
import { formInput, textResponse, withSession } from "@/lib/http/route";
import { signinRequestSchema } from "@/lib/realtime/auth-request";
import { realtimeRefusal } from "@/lib/realtime/auth-edge";
import { pusherServer } from "@/lib/realtime/pusher-server";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const readSignin = formInput(signinRequestSchema);

export const POST = withSession(
  async ({ user, input }) => {
    const pusher = pusherServer();
    if (!pusher) return textResponse(503, "Real-time is not configured");
    return Response.json(pusher.authenticateUser(input.socket_id, { id: user.id }), { headers: { "cache-control": "no-store" } });
  },
  { input: readSignin, onError: realtimeRefusal("Expected a form with socket_id") },
);
