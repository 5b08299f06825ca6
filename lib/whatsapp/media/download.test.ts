import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WhatsAppMediaTooLargeError, WhatsAppNetworkError, WhatsAppResponseError } from "../errors";
import { createGraphTransport, type GraphTransport } from "../transport";
import { downloadMedia, downloadMediaById, openMediaStream } from "./download";

const BYTES = Buffer.alloc(4096, 7);
const HEX = createHash("sha256").update(BYTES).digest("hex");
const BASE64 = createHash("sha256").update(BYTES).digest("base64");

let server: Server;
let base = "";
let transport: GraphTransport;

/** A Graph-like server whose misbehaviours the emulator does not offer. */
beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const node = (sha256: string) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ id: "1", url: `${base}/file`, mime_type: "application/pdf", sha256, file_size: BYTES.length }));
    };
    switch (url.pathname) {
      case "/v23.0/good-hex":
        return node(HEX);
      case "/v23.0/good-base64":
        return node(BASE64);
      case "/v23.0/tampered":
        return node("0".repeat(64));
      case "/file":
        response.writeHead(200, { "content-type": "application/pdf", "content-length": BYTES.length });
        return response.end(BYTES);
      case "/chunked":
        // No Content-Length: only counting while streaming can stop it.
        response.writeHead(200, { "content-type": "application/pdf" });
        for (let index = 0; index < 4; index++) response.write(BYTES);
        return response.end();
      case "/stall":
        response.writeHead(200, { "content-type": "application/pdf" });
        response.write(BYTES.subarray(0, 10));
        return; // never ends
      default:
        response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  transport = createGraphTransport({ baseUrl: base, version: "v23.0", accessToken: "t", timeoutMs: 2_000 });
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("media download", () => {
  it("stops a body without Content-Length once it passes maxBytes", async () => {
    const error = await downloadMedia(transport, `${base}/chunked`, { maxBytes: 5_000 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WhatsAppMediaTooLargeError);
    expect(error).toMatchObject({ limitBytes: 5_000, actualBytes: null });
    await expect(downloadMedia(transport, `${base}/chunked`, { maxBytes: 4 * BYTES.length })).resolves.toMatchObject({
      size: 4 * BYTES.length,
    });
  });

  it("refuses on Content-Length before reading the body", async () => {
    await expect(openMediaStream(transport, `${base}/file`, { maxBytes: 100 })).rejects.toMatchObject({
      limitBytes: 100,
      actualBytes: BYTES.length,
    });
  });

  it("turns a body that stalls into a timeout", async () => {
    const error = await downloadMedia(transport, `${base}/stall`, { timeoutMs: 100 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WhatsAppNetworkError);
    expect(error).toMatchObject({ kind: "timeout", retryable: true, outcomeUnknown: false });
  });

  it("checks the bytes against Meta's sha256, hex or base64", async () => {
    await expect(downloadMediaById(transport, "100", "good-hex")).resolves.toMatchObject({
      mimeType: "application/pdf",
      fileSize: BYTES.length,
    });
    await expect(downloadMediaById(transport, "100", "good-base64")).resolves.toMatchObject({ sha256: BASE64 });
    const error = await downloadMediaById(transport, "100", "tampered").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WhatsAppResponseError);
    expect(error).toMatchObject({ issues: [{ path: "sha256" }], retryable: false });
  });
});
