import { describe, expect, it } from "vitest";
import { dropSessionRefresh } from "./session-refresh";

describe("dropSessionRefresh", () => {
  it("drops re-issued session cookies (plain, secure, chunked) and keeps everything else in order", () => {
    const headers = new Headers();
    headers.append("set-cookie", "parley_ws=acme; Path=/; HttpOnly");
    headers.append("set-cookie", "authjs.session-token=eyJabc; Path=/; Expires=Fri, 25 Dec 2026 00:00:00 GMT; HttpOnly");
    headers.append("set-cookie", "__Secure-authjs.session-token.0=eyJdef; Path=/; Secure; HttpOnly");
    headers.append("set-cookie", "authjs.callback-url=http%3A%2F%2Flocalhost; Path=/");
    dropSessionRefresh(headers);
    expect(headers.getSetCookie()).toEqual(["parley_ws=acme; Path=/; HttpOnly", "authjs.callback-url=http%3A%2F%2Flocalhost; Path=/"]);
  });

  it("lets deletions through: an expired or invalid session is still cleared", () => {
    const headers = new Headers();
    headers.append("set-cookie", "authjs.session-token=; Path=/; Max-Age=0; HttpOnly");
    headers.append("set-cookie", "authjs.session-token.1=gone; Path=/; Max-Age=0");
    dropSessionRefresh(headers);
    expect(headers.getSetCookie()).toHaveLength(2);
  });

  it("leaves a response without session cookies untouched", () => {
    const headers = new Headers({ "content-type": "text/html" });
    dropSessionRefresh(headers);
    expect(headers.getSetCookie()).toEqual([]);
    expect(headers.get("content-type")).toBe("text/html");
  });
});
