/**
 * Fast redirects only; never the security boundary (requireWorkspace() checks membership in the
 * database). Sends the signed-out to /login keeping where they were going, keeps signed-in users
 * out of the sign-in pages, and remembers the last workspace opened.
 */
import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextMiddleware, type NextRequest } from "next/server";
import { authConfig } from "@/lib/auth/config";
import { LAST_WORKSPACE_COOKIE } from "@/lib/auth/cookies";
import { dropSessionRefresh } from "@/lib/auth/session-refresh";

const { auth } = NextAuth(authConfig);

const PUBLIC_PREFIXES = ["/login", "/signup", "/forgot-password", "/reset-password", "/invite/", "/api/", "/r/"];
const SIGNED_OUT_ONLY = ["/login", "/signup", "/forgot-password", "/reset-password"];

// next-auth types its wrapper as a route handler; as middleware Next calls it with (request, event).
const withSession = auth((request) => {
  const { pathname, search } = request.nextUrl;
  const signedIn = Boolean(request.auth?.user);

  if (!signedIn && !PUBLIC_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(prefix))) {
    const login = new URL("/login", request.nextUrl);
    if (pathname !== "/") login.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  if (signedIn && SIGNED_OUT_ONLY.includes(pathname)) {
    return NextResponse.redirect(new URL("/", request.nextUrl));
  }

  // Lets server components build a sign-in redirect back to this exact page.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-parley-path", `${pathname}${search}`);
  const response = NextResponse.next({ request: { headers: requestHeaders } });

  const workspaceSlug = /^\/w\/([^/]+)/.exec(pathname)?.[1];
  if (signedIn && workspaceSlug && request.cookies.get(LAST_WORKSPACE_COOKIE)?.value !== workspaceSlug) {
    response.cookies.set(LAST_WORKSPACE_COOKIE, workspaceSlug, { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
  }
  return response;
}) as unknown as NextMiddleware;

export default async function middleware(request: NextRequest, event: NextFetchEvent) {
  const response = await withSession(request, event);
  // No rolling refresh of the session cookie: it let an in-flight request undo a sign-out.
  if (response) dropSessionRefresh(response.headers);
  return response;
}

export const config = {
  // Webhooks, the public API and static files skip this entirely (an Auth.js middleware doubles a
  // request's cost, STACK.md); they authenticate themselves. So do the benchmark's reference routes,
  // which must cost what the webhook route costs minus its own work.
  matcher: [
    "/((?!api/webhooks|api/v1|api/health|api/bench|api/media|api/cron|_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|jpg|jpeg|gif|webp|ico|txt|woff2?)$).*)",
  ],
};
