/**
 * GET /api/auth/ended?callbackUrl=…: where requireUser() sends a browser whose session the server
 * no longer honours (signed out elsewhere, ended everywhere, password changed). Clears the session
 * cookies and goes to /login, keeping where the user was going. A live session is left alone (so a
 * link to this route cannot sign anyone out).
 */
import { cookies } from "next/headers";
import { NextResponse } from "next/server";
import { currentUser } from "@/lib/auth/session";
import { isSessionCookieName } from "@/lib/auth/session-refresh";
import { safeCallbackPath } from "@/lib/http/app-url";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const callbackUrl = safeCallbackPath(url.searchParams.get("callbackUrl"));
  if (await currentUser()) return NextResponse.redirect(new URL(callbackUrl, url), { status: 303 });
  const login = new URL("/login", url);
  if (callbackUrl !== "/") login.searchParams.set("callbackUrl", callbackUrl);
  const response = NextResponse.redirect(login, { status: 303 });
  for (const cookie of (await cookies()).getAll()) {
    if (isSessionCookieName(cookie.name)) response.cookies.set(cookie.name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: cookie.name.startsWith("__Secure-") });
  }
  return response;
}
