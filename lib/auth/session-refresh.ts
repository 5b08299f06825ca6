/**
 * Auth.js's middleware re-issues the session cookie on every request it sees (a rolling expiry).
 * That makes signing out racy: a request already in flight when the user signs out (a link
 * prefetch, a real-time subscription) comes back after the sign-out with a fresh session cookie
 * and signs the user straight back in. middleware.ts therefore drops those refreshes: a session
 * lasts SESSION_MAX_AGE_SECONDS from sign-in (an absolute timeout), and only sign-in sets it.
 * Deletions (an expired or invalid token) pass through.
 */
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?=/;

/** Auth.js's session cookie, plain, secure-prefixed or one chunk of a large one. */
export function isSessionCookieName(name: string): boolean {
  return SESSION_COOKIE.test(`${name}=`);
}

function isRefresh(setCookie: string): boolean {
  if (!SESSION_COOKIE.test(setCookie)) return false;
  const value = setCookie.slice(setCookie.indexOf("=") + 1).split(";", 1)[0] ?? "";
  return value !== "" && !/;\s*max-age=0(;|$)/i.test(setCookie);
}

/** Removes re-issued session cookies from `headers` (in place); other cookies are kept in order. */
export function dropSessionRefresh(headers: Headers): void {
  const cookies = headers.getSetCookie();
  if (!cookies.some(isRefresh)) return;
  headers.delete("set-cookie");
  for (const cookie of cookies) if (!isRefresh(cookie)) headers.append("set-cookie", cookie);
}
