/**
 * Sessions and live connections end when their right does (issue: "sessions and channels outlive
 * their right"): a signed-out cookie is refused everywhere the session is checked, "sign out
 * everywhere" ends every session of that user only, and a removed member's real-time connections
 * are cut, through the real `pusher` SDK and pusher-js against the local Pusher-protocol server.
 * Auth.js's cookie decoding is the boundary stood in for: `auth()` returns the token's claims.
 */
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import type { Session } from "next-auth";
import type PusherClient from "pusher-js";

const realtime = await vi.hoisted(async () => (await import("@/local/realtime-server/test-support")).startForTests());
const token = vi.hoisted(() => ({ session: null as Session | null }));
const cookieJar = vi.hoisted(() => new Map<string, string>());
vi.mock("@/lib/auth", () => ({
  auth: async () => token.session,
  signOut: async () => undefined,
  signIn: async () => undefined,
  SignInFailed: class extends Error {},
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-parley-path": "/w/acme/inbox" }),
  cookies: async () => ({
    get: (name: string) => (cookieJar.has(name) ? { name, value: cookieJar.get(name) } : undefined),
    getAll: () => [...cookieJar].map(([name, value]) => ({ name, value })),
    set: () => undefined,
  }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { prisma } = await import("@/lib/db");
const { createSession } = await import("@/lib/auth/sessions");
const { currentUser, resolveSession } = await import("@/lib/auth/session");
const auth = await import("@/app/actions/auth");
const { GET: sessionEnded } = await import("@/app/api/auth/ended/route");
const { POST: channelAuth } = await import("@/app/api/realtime/auth/route");
const { POST: userAuth } = await import("@/app/api/realtime/user-auth/route");
const { removeMember } = await import("@/lib/services/members/members");
const { createTenants } = await import("@/test/fixtures/tenants");
const { workspaceChannel } = await import("@/lib/realtime/events");
const { client, nextEvent, waitFor, authorizeThrough } = await import("@/local/realtime-server/test-support");

const clients: PusherClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.disconnect();
  token.session = null;
  cookieJar.clear();
});
afterAll(() => realtime.server.stop());

/** The claims of a token issued at sign-in for `userId` (what the jwt callback writes). */
async function signedIn(userId: string): Promise<Session> {
  return { user: { id: userId }, sid: await createSession(userId), authTime: Date.now(), expires: "" };
}

const as = (session: Session) => {
  token.session = session;
};

describe("sign-out ends the session on the server", () => {
  it("refuses the same cookie afterwards: pages, actions and the real-time auth route", async () => {
    const { A } = await createTenants();
    const session = await signedIn(A.agent.userId);
    as(session);
    expect((await currentUser())?.id).toBe(A.agent.userId);
    expect((await auth.signOutAction())?.data).toEqual({ redirectTo: "/login" });

    as(session); // the copied cookie, replayed
    expect(await resolveSession()).toEqual({ user: null, stale: true });
    const body = new URLSearchParams({ socket_id: "1234.5678", channel_name: workspaceChannel(A.workspace.id) });
    expect((await channelAuth(new Request("http://parley.test/api/realtime/auth", { method: "POST", body }))).status).toBe(403);
    expect((await userAuth(new Request("http://parley.test/api/realtime/user-auth", { method: "POST", body }))).status).toBe(403);
    expect((await auth.signOutEverywhereAction())?.serverError).toMatchObject({ code: "unauthorized" });
  });

  it("leaves the user's other sessions alone", async () => {
    const { A } = await createTenants();
    const phone = await signedIn(A.agent.userId);
    const laptop = await signedIn(A.agent.userId);
    as(laptop);
    await auth.signOutAction();
    as(phone);
    expect((await currentUser())?.id).toBe(A.agent.userId);
  });

  it("refuses a token without a server-side session and an expired session", async () => {
    const { A } = await createTenants();
    as({ user: { id: A.agent.userId }, authTime: Date.now(), expires: "" });
    expect(await resolveSession()).toEqual({ user: null, stale: true });
    const session = await signedIn(A.agent.userId);
    await prisma.session.updateMany({ where: { userId: A.agent.userId }, data: { expires: new Date(Date.now() - 1000) } });
    as(session);
    expect(await currentUser()).toBeNull();
  });
});

describe("sign out everywhere", () => {
  it("ends every session of the user and none of anyone else's, and cuts the user's live connections", async () => {
    const { A } = await createTenants();
    const mine = [await signedIn(A.agent.userId), await signedIn(A.agent.userId)];
    const theirs = await signedIn(A.admin.userId);
    as(mine[0]!);
    const socket = await liveConnection(A.workspace.id);
    const otherSocket = await (async () => {
      as(theirs);
      return liveConnection(A.workspace.id);
    })();

    as(mine[0]!);
    expect((await auth.signOutEverywhereAction())?.data).toEqual({ redirectTo: "/login" });
    for (const session of mine) {
      as(session);
      expect(await currentUser()).toBeNull();
    }
    as(theirs);
    expect((await currentUser())?.id).toBe(A.admin.userId);
    await waitFor(() => socket.connection.state !== "connected", "the agent's connection closed");
    expect(otherSocket.connection.state).toBe("connected");
  });
});

describe("removing a member", () => {
  it("cuts their live connection, and their re-subscription to the workspace is refused", async () => {
    const { A } = await createTenants();
    as(await signedIn(A.agent.userId));
    const socket = await liveConnection(A.workspace.id);
    await removeMember(A.owner.ctx, A.agent.membershipId);
    await waitFor(() => socket.connection.state !== "connected", "the removed member's connection closed");
    // Connecting again, with a still valid session: the workspace channel is refused (403).
    socket.connect();
    await nextEvent(socket.subscribe(workspaceChannel(A.workspace.id)), "pusher:subscription_error");
    expect(realtime.server.subscriptionCount(workspaceChannel(A.workspace.id))).toBe(0);
  });
});

describe("GET /api/auth/ended", () => {
  it("clears a dead session's cookies and goes to /login with the callback kept", async () => {
    const { A } = await createTenants();
    as({ user: { id: A.agent.userId }, sid: "ended-long-ago", authTime: Date.now(), expires: "" });
    cookieJar.set("authjs.session-token", "eyJ…");
    cookieJar.set("parley_ws", "acme");
    const response = await sessionEnded(new Request("http://parley.test/api/auth/ended?callbackUrl=%2Fw%2Facme%2Finbox"));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("http://parley.test/login?callbackUrl=%2Fw%2Facme%2Finbox");
    const cleared = response.headers.getSetCookie();
    expect(cleared).toEqual([expect.stringMatching(/^authjs\.session-token=;.*Max-Age=0/i)]);
  });

  it("signs nobody out: a live session goes straight back, cookies untouched", async () => {
    const { A } = await createTenants();
    as(await signedIn(A.agent.userId));
    cookieJar.set("authjs.session-token", "eyJ…");
    const response = await sessionEnded(new Request("http://parley.test/api/auth/ended?callbackUrl=%2F%2Fevil.example"));
    expect(response.headers.get("location")).toBe("http://parley.test/");
    expect(response.headers.getSetCookie()).toEqual([]);
  });
});

/** A pusher-js connection of the current session: signed in through the user-auth route, on the workspace channel. */
async function liveConnection(workspaceId: string): Promise<PusherClient> {
  const session = token.session;
  const c = client(realtime.server, authorizeThrough(async (request) => ((token.session = session), channelAuth(request))), ({ socketId }, callback) => {
    token.session = session;
    userAuth(new Request("http://parley.test/api/realtime/user-auth", { method: "POST", body: new URLSearchParams({ socket_id: socketId }) }))
      .then(async (response) => (response.ok ? callback(null, (await response.json()) as { auth: string; user_data: string }) : callback(new Error(String(response.status)), null)))
      .catch((error: Error) => callback(error, null));
  });
  clients.push(c);
  c.signin();
  await nextEvent(c.subscribe(workspaceChannel(workspaceId)), "pusher:subscription_succeeded");
  await waitFor(() => c.user.user_data !== null, "the user sign-in");
  return c;
}
