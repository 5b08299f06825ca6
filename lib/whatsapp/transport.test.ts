import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { WhatsAppApiError, WhatsAppNetworkError, WhatsAppResponseError } from "./errors";
import { createGraphTransport, graphPath, type GraphTransport } from "./transport";

type Handler = (url: string, init: RequestInit) => Promise<Response>;

function transportWith(handler: Handler, timeoutMs = 1_000): GraphTransport {
  const fakeFetch = ((input: string | URL | Request, init?: RequestInit) => handler(String(input), init ?? {})) as typeof fetch;
  return createGraphTransport({
    baseUrl: "https://graph.example.test/",
    version: "v23.0",
    accessToken: "secret-token",
    timeoutMs,
    fetch: fakeFetch,
  });
}

const okSchema = z.looseObject({ id: z.string() });
const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

/** A fetch that never answers, but honours its signal as undici does. */
const hang: Handler = (_url, init) =>
  new Promise((_resolve, reject) => {
    init.signal?.addEventListener("abort", () => reject(init.signal?.reason), { once: true });
  });

function systemError(code: string): TypeError {
  return new TypeError("fetch failed", { cause: Object.assign(new Error(code), { code }) });
}

describe("GraphTransport.call", () => {
  it("sends the bearer token, JSON body and an encoded URL, and returns the parsed answer", async () => {
    let seen: { url: string; init: RequestInit } | undefined;
    const transport = transportWith(async (url, init) => {
      seen = { url, init };
      return json({ id: "42", extra: "tolerated" });
    });
    const result = await transport.call({
      operation: "POST /x",
      method: "POST",
      path: graphPath("123", "messages"),
      query: { fields: "a,b", skipped: undefined },
      json: { hello: "world" },
      schema: okSchema,
    });
    expect(result).toEqual({ id: "42", extra: "tolerated" });
    expect(seen?.url).toBe("https://graph.example.test/v23.0/123/messages?fields=a%2Cb");
    const headers = seen?.init.headers as Record<string, string>;
    expect(headers.authorization).toBe("Bearer secret-token");
    expect(headers["content-type"]).toBe("application/json");
    expect(seen?.init.body).toBe('{"hello":"world"}');
  });

  it("encodes ids so they cannot add path segments or a query", () => {
    expect(graphPath("a/../b?x=1")).toBe("/a%2F..%2Fb%3Fx%3D1");
  });

  it("throws WhatsAppApiError for Meta's envelope, even on a 200", async () => {
    const envelope = { error: { message: "(#131056) pair rate limit hit", type: "OAuthException", code: 131056, fbtrace_id: "T" } };
    const failing = transportWith(async () => json(envelope, 429));
    await expect(failing.call({ operation: "POST /x", method: "POST", path: "/x", schema: okSchema })).rejects.toMatchObject({
      name: "WhatsAppApiError",
      code: 131056,
      httpStatus: 429,
      category: "pair_rate_limit",
      retryAfterMs: 6_000,
    });
    const sneaky = transportWith(async () => json(envelope, 200));
    await expect(sneaky.call({ operation: "GET /x", method: "GET", path: "/x", schema: okSchema })).rejects.toBeInstanceOf(
      WhatsAppApiError,
    );
  });

  it("handles non-JSON error bodies", async () => {
    const transport = transportWith(
      async () => new Response("<html>502 Bad Gateway</html>", { status: 502, headers: { "content-type": "text/html" } }),
    );
    const error = await transport
      .call({ operation: "GET /x", method: "GET", path: "/x", schema: okSchema })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WhatsAppApiError);
    expect(error).toMatchObject({ code: null, httpStatus: 502, retryable: true, category: "service" });
  });

  it("throws WhatsAppResponseError when a 2xx answer is not JSON or misses required fields", async () => {
    const notJson = transportWith(async () => new Response("ok", { status: 200 }));
    await expect(notJson.call({ operation: "GET /x", method: "GET", path: "/x", schema: okSchema })).rejects.toMatchObject({
      name: "WhatsAppResponseError",
      outcomeUnknown: false,
    });
    const missing = transportWith(async () => json({ nope: true }));
    const error = await missing
      .call({ operation: "POST /x", method: "POST", path: "/x", schema: okSchema })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WhatsAppResponseError);
    // A POST that got a 2xx most likely took effect.
    expect(error).toMatchObject({ outcomeUnknown: true, retryable: false, issues: [{ path: "id" }] });
  });

  it("times out with a retryable WhatsAppNetworkError whose outcome is unknown for writes only", async () => {
    const transport = transportWith(hang, 50);
    const post = await transport
      .call({ operation: "POST /x", method: "POST", path: "/x", schema: okSchema })
      .catch((caught: unknown) => caught);
    expect(post).toBeInstanceOf(WhatsAppNetworkError);
    expect(post).toMatchObject({ kind: "timeout", retryable: true, outcomeUnknown: true, code: null, category: "service" });
    const get = await transport
      .call({ operation: "GET /x", method: "GET", path: "/x", schema: okSchema })
      .catch((caught: unknown) => caught);
    expect(get).toMatchObject({ kind: "timeout", outcomeUnknown: false });
  });

  it("honours a per-call timeout", async () => {
    const transport = transportWith(hang, 10_000);
    const started = Date.now();
    await expect(transport.call({ operation: "GET /x", method: "GET", path: "/x", schema: okSchema, timeoutMs: 30 })).rejects.toMatchObject(
      { kind: "timeout" },
    );
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("knows a refused connection never sent the request, unlike a reset", async () => {
    const refused = transportWith(async () => {
      throw systemError("ECONNREFUSED");
    });
    await expect(refused.call({ operation: "POST /x", method: "POST", path: "/x", schema: okSchema })).rejects.toMatchObject({
      kind: "network",
      retryable: true,
      outcomeUnknown: false,
    });
    const reset = transportWith(async () => {
      throw systemError("ECONNRESET");
    });
    await expect(reset.call({ operation: "POST /x", method: "POST", path: "/x", schema: okSchema })).rejects.toMatchObject({
      kind: "network",
      outcomeUnknown: true,
    });
  });

  it("rethrows the caller's own abort untouched", async () => {
    const transport = transportWith(hang, 10_000);
    const controller = new AbortController();
    const reason = new Error("user navigated away");
    setTimeout(() => controller.abort(reason), 10);
    await expect(
      transport.call({ operation: "GET /x", method: "GET", path: "/x", schema: okSchema, signal: controller.signal }),
    ).rejects.toBe(reason);
  });
});

describe("GraphTransport keep-alive", () => {
  let server: Server;
  let sockets = 0;
  let baseUrl = "";

  beforeAll(async () => {
    server = createServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end('{"id":"1"}');
    });
    server.on("connection", () => sockets++);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("reuses pooled connections for successive calls (no agent per call)", async () => {
    const transport = createGraphTransport({ baseUrl, version: "v23.0", accessToken: "t" });
    for (let index = 0; index < 10; index++) await transport.call({ operation: "GET /x", method: "GET", path: "/x", schema: okSchema });
    // undici frees a socket a tick after the body is read, so back-to-back calls may open a
    // second one and then alternate; what matters is that 10 calls do not make 10 connections.
    expect(sockets).toBeLessThanOrEqual(2);
  });
});
