/**
 * The route-handler wrapper: who gets through (session, workspace membership and permission, cron
 * secret), the one error exit (every AppError code → its status, a translated message, Retry-After
 * on rate limits, nothing internal on a bug), body validation before any check, and the limiter.
 * Only the session lookup is stood in for; workspaces, memberships and limits are real rows.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/session";
import { AppError, ERROR_STATUS, type AppErrorCode } from "@/lib/errors";
import { createTenants, uniqueSuffix, type TenantMember } from "@/test/fixtures/tenants";
import { formInput, withCron, withSession, withWorkspace } from "./route";

vi.hoisted(() => {
  process.env.CRON_SECRET = "test-cron-secret-0123456789";
});
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user, requireUser: async () => session.user }));

beforeEach(() => {
  session.user = null;
});
const signInAs = (member: TenantMember) => {
  session.user = { id: member.userId, email: member.email, name: member.name, locale: null };
};

const request = (headers: Record<string, string> = {}, init: RequestInit = {}) => new Request("http://parley.test/api/x", { ...init, headers });
const bodyOf = async (response: Response) => (await response.json()) as { error: { code: string; message: string; field?: string } };
const ok = async () => Response.json({ ok: true });

describe("withSession", () => {
  it("answers the signed out 401 with a translated message, never reaching the handler", async () => {
    const handler = vi.fn(ok);
    const route = withSession(handler);
    const english = await route(request());
    expect(english.status).toBe(401);
    expect(await bodyOf(english)).toEqual({ error: { code: "unauthorized", message: "Your session has ended. Sign in again." } });
    const indonesian = (await bodyOf(await route(request({ "accept-language": "id-ID,id;q=0.9" })))).error.message;
    expect(indonesian).not.toBe("Your session has ended. Sign in again.");
    expect((await bodyOf(await route(request({ cookie: "a=1; parley_locale=id" })))).error.message).toBe(indonesian);
    expect(handler).not.toHaveBeenCalled();
  });

  it("maps every AppError code through ERROR_STATUS, with the field and the message's parameters", async () => {
    const { A } = await createTenants();
    signInAs(A.agent);
    for (const code of Object.keys(ERROR_STATUS) as AppErrorCode[]) {
      const route = withSession(async () => {
        throw new AppError(code, "tagTooLong", { params: { max: 40 }, field: "tags" });
      });
      const response = await route(request());
      expect({ code, status: response.status }).toEqual({ code, status: ERROR_STATUS[code] });
      expect(response.headers.get("cache-control")).toBe("no-store");
      const body = await bodyOf(response);
      expect(body.error).toMatchObject({ code, field: "tags" });
      expect(body.error.message).toContain("40");
    }
  });

  it("answers a bug 500 'something went wrong', with no internal detail", async () => {
    const { A } = await createTenants();
    signInAs(A.agent);
    const route = withSession(async () => {
      throw new Error("connection string postgres://secret@db");
    });
    const response = await route(request());
    expect(response.status).toBe(500);
    const text = JSON.stringify(await bodyOf(response));
    expect(text).toContain('"code":"internal"');
    expect(text).not.toContain("secret");
  });

  it("validates the body before anything else: malformed is 400 whoever sends it", async () => {
    const readForm = formInput(z.object({ name: z.string().min(2) }));
    const route = withSession(async ({ input }) => Response.json({ hello: input.name }), { input: readForm });
    const form = (name: string) => request({}, { method: "POST", body: new URLSearchParams({ name }) });
    expect((await route(form("x"))).status).toBe(400);
    expect((await route(request({ "content-type": "application/json" }, { method: "POST", body: "{}" }))).status).toBe(400);
    expect((await route(form("Ana"))).status).toBe(401);
    const { A } = await createTenants();
    signInAs(A.agent);
    expect(await (await route(form("Ana"))).json()).toEqual({ hello: "Ana" });
  });

  it("consumes its rate limit before the handler: over it, 429 with Retry-After and a translated message", async () => {
    const { A } = await createTenants();
    signInAs(A.agent);
    const handler = vi.fn(ok);
    const key = `route-test-${uniqueSuffix()}`;
    const route = withSession(handler, { rateLimit: { limit: "password-reset:email", key: () => key } });
    for (let i = 0; i < 3; i += 1) expect((await route(request())).status).toBe(200);
    const refused = await route(request());
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await bodyOf(refused)).error.code).toBe("rate_limited");
    expect(handler).toHaveBeenCalledTimes(3);
  });

  it("lets a route answer its own protocol's refusal (onError), defaulting to JSON otherwise", async () => {
    const route = withSession(ok, { onError: (error) => (error instanceof AppError && error.code === "unauthorized" ? new Response("Forbidden", { status: 403 }) : undefined) });
    const response = await route(request());
    expect(response.status).toBe(403);
    expect(await response.text()).toBe("Forbidden");
  });
});

describe("withWorkspace", () => {
  const slugRoute = (permission?: "member:invite") =>
    withWorkspace<{ slug: string }>(async ({ ctx, workspace }) => Response.json({ ctx, slug: workspace.slug }), { slug: (params) => params.slug, permission });
  const call = (route: ReturnType<typeof slugRoute>, slug: string) => route(request(), { params: Promise.resolve({ slug }) });

  it("gives a member the WorkspaceContext of the workspace the route names", async () => {
    const { A } = await createTenants();
    signInAs(A.agent);
    const response = await call(slugRoute(), A.workspace.slug);
    expect(await response.json()).toEqual({ ctx: { workspaceId: A.workspace.id, userId: A.agent.userId, role: "agent" }, slug: A.workspace.slug });
  });

  it("answers another workspace's member as for a missing workspace: 404", async () => {
    const { A, B } = await createTenants();
    signInAs(B.owner);
    for (const slug of [A.workspace.slug, `missing-${uniqueSuffix()}`]) {
      const response = await call(slugRoute(), slug);
      expect(response.status).toBe(404);
      expect((await bodyOf(response)).error.code).toBe("not_found");
    }
  });

  it("checks the permission by name: an agent may not, an admin may", async () => {
    const { A } = await createTenants();
    signInAs(A.agent);
    expect((await call(slugRoute("member:invite"), A.workspace.slug)).status).toBe(403);
    signInAs(A.admin);
    expect((await call(slugRoute("member:invite"), A.workspace.slug)).status).toBe(200);
  });
});

describe("withCron", () => {
  it("runs only with Vercel Cron's bearer secret", async () => {
    const handler = vi.fn(ok);
    const route = withCron(handler);
    for (const authorization of [undefined, "Bearer wrong", "test-cron-secret-0123456789"]) {
      const response = await route(request(authorization ? { authorization } : {}));
      expect(response.status).toBe(401);
      expect((await bodyOf(response)).error.code).toBe("unauthorized");
    }
    expect(handler).not.toHaveBeenCalled();
    expect((await route(request({ authorization: "Bearer test-cron-secret-0123456789" }))).status).toBe(200);
  });
});
