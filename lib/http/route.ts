/**
 * The one wrapper of route handlers (dub's `withWorkspace`, STYLE.md). Each resolves the caller
 * and hands the handler a typed edge; the handler body never re-checks:
 * - `withSession`: a signed-in user (the live session, lib/auth/session.ts), `edge.user`;
 * - `withWorkspace`: a member of the workspace the route names, `edge.ctx` — the same
 *   `WorkspaceContext` pages and actions give services — after the permission check (the API-key
 *   caller of the public API resolves into this same context);
 * - `withCron`: Vercel Cron's `Authorization: Bearer $CRON_SECRET`.
 * A declared rate limit is consumed before the handler runs. Every error leaves through
 * errorResponse (AppError code → ERROR_STATUS, translated message, Retry-After), unless the route
 * answers a protocol that expects something else (`onError`: the media route's plain 404,
 * pusher-js's 403) — then that one function decides, for every error of that route.
 */
import "server-only";
import type { z } from "zod";
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize, type Permission } from "@/lib/auth/permissions";
import { currentUser, type CurrentUser } from "@/lib/auth/session";
import { resolveWorkspace, type ResolvedWorkspace } from "@/lib/auth/workspace";
import { AppError, NotFound } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { consumeLimit, type LimitName } from "@/lib/rate-limit";
import { errorResponse, requestLocale } from "./error-response";
import { isCronAuthorized } from "./cron-auth";

type Params = Record<string, string | string[] | undefined>;

/** What Next passes a route handler besides the request. */
export interface RouteContext<P extends Params> {
  params: Promise<P>;
}
/** `context` is optional for callers other than Next (pusher-js's authorizer in tests). */
export type RouteHandler<P extends Params> = (request: Request, context?: RouteContext<P>) => Promise<Response>;

export interface Edge<P extends Params, I = undefined> {
  request: Request;
  params: P;
  locale: Locale;
  /** The request's body as `options.input` parsed it (before any other check). */
  input: I;
}
export interface SessionEdge<P extends Params, I = undefined> extends Edge<P, I> {
  user: CurrentUser;
}
export interface WorkspaceEdge<P extends Params, I = undefined> extends SessionEdge<P, I> {
  ctx: WorkspaceContext;
  workspace: ResolvedWorkspace["workspace"];
}

export interface EdgeOptions<E, I> {
  /**
   * Reads and validates the body first, so a malformed request is told so whoever sends it
   * (formInput, jsonInput); throws `invalid`.
   */
  input?: (request: Request) => Promise<I>;
  /** Consumed (one point) before the handler; over the limit → 429 with Retry-After. */
  rateLimit?: { limit: LimitName; key: (edge: E) => string };
  /** This route's own answer to errors (a protocol's expected refusal); undefined → the default. */
  onError?: (error: unknown) => Response | undefined;
}

function edge<P extends Params, I>(
  run: (base: Edge<P, I>) => Promise<Response>,
  options: { input?: (request: Request) => Promise<I>; onError?: (error: unknown) => Response | undefined },
): RouteHandler<P> {
  return async (request, context) => {
    const locale = requestLocale(request);
    const { onError } = options;
    try {
      // Only a route without dynamic segments is called without a context.
      const params = context ? await context.params : ({} as P);
      // Without a reader the edge's input type is `undefined`.
      const input = options.input ? await options.input(request) : (undefined as I);
      return await run({ request, params, locale, input });
    } catch (error) {
      return onError?.(error) ?? errorResponse(error, locale);
    }
  };
}

async function limited<E, I>(options: EdgeOptions<E, I>, caller: E): Promise<void> {
  if (options.rateLimit) await consumeLimit(options.rateLimit.limit, options.rateLimit.key(caller));
}

async function signedIn<P extends Params, I>(base: Edge<P, I>): Promise<SessionEdge<P, I>> {
  const user = await currentUser();
  if (!user) throw new AppError("unauthorized", "signedOut");
  return { ...base, user };
}

export function withSession<P extends Params = Params, I = undefined>(
  handler: (edge: SessionEdge<P, NoInfer<I>>) => Promise<Response>,
  options: EdgeOptions<SessionEdge<P, I>, I> = {},
): RouteHandler<P> {
  return edge(async (base: Edge<P, I>) => {
    const caller = await signedIn(base);
    await limited(options, caller);
    return handler(caller);
  }, options);
}

export function withWorkspace<P extends Params = Params, I = undefined>(
  handler: (edge: WorkspaceEdge<P, NoInfer<I>>) => Promise<Response>,
  options: EdgeOptions<WorkspaceEdge<P, I>, I> & {
    /** The workspace's slug, from the route's params. */
    slug: (params: P) => string | undefined;
    permission?: Permission;
  },
): RouteHandler<P> {
  return edge(async (base: Edge<P, I>) => {
    const caller = await signedIn(base);
    const slug = options.slug(base.params);
    // A non-member is told the same as for a workspace that does not exist.
    const resolved = slug ? await resolveWorkspace(caller.user.id, slug) : null;
    if (!resolved) throw NotFound("workspaceNotFound");
    if (options.permission) authorize(resolved.ctx, options.permission);
    const member: WorkspaceEdge<P, I> = { ...caller, ctx: resolved.ctx, workspace: resolved.workspace };
    await limited(options, member);
    return handler(member);
  }, options);
}

export function withCron<P extends Params = Params>(handler: (edge: Edge<P>) => Promise<Response>): RouteHandler<P> {
  return edge(async (base: Edge<P>) => {
    if (!isCronAuthorized(base.request)) throw new AppError("unauthorized", "cronSecretRequired");
    return handler(base);
  }, {});
}

/**
 * Reads a form-encoded (or multipart) body and validates it; `invalid` when either fails. Bind it
 * to a module constant and pass that as `input` (TypeScript infers the edge's input type from it).
 */
export function formInput<S extends z.ZodType>(schema: S): (request: Request) => Promise<z.infer<S>> {
  return async (request) => {
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      throw new AppError("invalid", "invalidInput");
    }
    const parsed = schema.safeParse(Object.fromEntries(form.entries()));
    if (!parsed.success) throw new AppError("invalid", "invalidInput");
    return parsed.data;
  };
}

/** A plain-text answer, for protocols that expect one (pusher-js's auth endpoints). */
export function textResponse(status: number, body: string): Response {
  return new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}
