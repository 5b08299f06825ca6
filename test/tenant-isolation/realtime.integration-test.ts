/**
 * Tenant isolation of real-time (DESIGN.md invariant 1): POST /api/realtime/auth signs a
 * workspace channel only for a member of that workspace and a user channel only for that user,
 * and the signature it gives is one the Pusher-protocol server accepts. Through the real route,
 * the real `pusher` SDK and `pusher-js` against the local server; only the session is stood in for.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type PusherClient from "pusher-js";
import type { CurrentUser } from "@/lib/auth/session";

const realtime = await vi.hoisted(async () => (await import("@/local/realtime-server/test-support")).startForTests());
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user, requireUser: async () => session.user }));

const { POST } = await import("@/app/api/realtime/auth/route");
const { createTenants } = await import("@/test/fixtures/tenants");
const { workspaceChannel, userChannel } = await import("@/lib/realtime/events");
const { authorizeThrough, client, nextEvent } = await import("@/local/realtime-server/test-support");

const clients: PusherClient[] = [];
beforeEach(() => {
  session.user = null;
});
afterEach(() => {
  for (const c of clients.splice(0)) c.disconnect();
});
afterAll(async () => {
  await realtime.server.stop();
});

const signInAs = (member: { userId: string; email: string; name: string }) => {
  session.user = { id: member.userId, email: member.email, name: member.name, locale: null };
};

function ask(channel: string, socketId = "1234.5678"): Promise<Response> {
  const body = new URLSearchParams({ socket_id: socketId, channel_name: channel });
  return POST(new Request("http://parley.test/api/realtime/auth", { method: "POST", body }));
}

describe("POST /api/realtime/auth", () => {
  it("signs the workspace channel for each member, with a signature the realtime server accepts", async () => {
    const { A } = await createTenants();
    for (const member of [A.owner, A.admin, A.agent]) {
      signInAs(member);
      const c = client(realtime.server, authorizeThrough(POST));
      clients.push(c);
      const channel = c.subscribe(workspaceChannel(A.workspace.id));
      await nextEvent(channel, "pusher:subscription_succeeded");
    }
    expect(realtime.server.subscriptionCount(workspaceChannel(A.workspace.id))).toBe(3);
  });

  it("signs a user's own channel", async () => {
    const { A } = await createTenants();
    signInAs(A.agent);
    const c = client(realtime.server, authorizeThrough(POST));
    clients.push(c);
    await nextEvent(c.subscribe(userChannel(A.agent.userId)), "pusher:subscription_succeeded");
  });

  it("refuses a member of B A's workspace channel and A's users' channels with 403", async () => {
    const { A, B } = await createTenants();
    for (const intruder of [B.owner, B.admin, B.agent]) {
      signInAs(intruder);
      expect((await ask(workspaceChannel(A.workspace.id))).status).toBe(403);
      for (const member of [A.owner, A.admin, A.agent]) expect((await ask(userChannel(member.userId))).status).toBe(403);
    }
    // And through pusher-js: the subscription fails, nobody listens on A's channel.
    signInAs(B.owner);
    const c = client(realtime.server, authorizeThrough(POST));
    clients.push(c);
    await nextEvent(c.subscribe(workspaceChannel(A.workspace.id)), "pusher:subscription_error");
    expect(realtime.server.subscriptionCount(workspaceChannel(A.workspace.id))).toBe(0);
  });

  it("refuses another member's user channel within the same workspace", async () => {
    const { A } = await createTenants();
    signInAs(A.agent);
    expect((await ask(userChannel(A.owner.userId))).status).toBe(403);
  });

  it("refuses the signed out with 403", async () => {
    const { A } = await createTenants();
    expect((await ask(workspaceChannel(A.workspace.id))).status).toBe(403);
    expect((await ask(userChannel(A.agent.userId))).status).toBe(403);
  });

  it("refuses channels of any other shape with 403, even to a member", async () => {
    const { A } = await createTenants();
    signInAs(A.owner);
    for (const channel of [`presence-workspace-${A.workspace.id}`, `workspace-${A.workspace.id}`, "private-anything", `private-workspace-${A.workspace.id}-x.y`]) {
      expect({ channel, status: (await ask(channel)).status }).toEqual({ channel, status: 403 });
    }
  });

  it("answers 400 to a malformed request, signed in or not", async () => {
    const { A } = await createTenants();
    signInAs(A.owner);
    const channel = workspaceChannel(A.workspace.id);
    const post = (body: BodyInit, headers?: HeadersInit) => POST(new Request("http://parley.test/api/realtime/auth", { method: "POST", body, headers }));
    expect((await ask(channel, "not-a-socket")).status).toBe(400);
    expect((await post(new URLSearchParams({ socket_id: "1.2" }))).status).toBe(400);
    expect((await post(JSON.stringify({ socket_id: "1.2", channel_name: channel }), { "content-type": "application/json" })).status).toBe(400);
    expect((await ask("x".repeat(200))).status).toBe(400);
  });
});
