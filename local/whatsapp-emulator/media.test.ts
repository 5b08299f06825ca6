/** Media: upload limits (131053), the media node, download URLs (token, 5-minute expiry), delete. */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "./index";
import { sampleMedia } from "./media-samples";
import { type GraphErrorBody, graph, PHONE_ID, startEmulator, TOKEN, upload, uploadForm } from "./test-support";

let emulator: RunningEmulator;
let now = Date.parse("2025-06-01T10:00:00Z");

beforeAll(async () => {
  emulator = await startEmulator(undefined, {
    now: () => now,
    phoneNumbers: [
      {
        phoneNumberId: PHONE_ID,
        wabaId: "200000000000001",
        displayPhoneNumber: "+1 555-010-0001",
        verifiedName: "Acme",
        accessToken: TOKEN,
      },
      {
        phoneNumberId: "100000000000002",
        wabaId: "200000000000002",
        displayPhoneNumber: "+1 555-010-0002",
        verifiedName: "Other",
        accessToken: "other-token",
      },
    ],
  });
});
afterAll(() => emulator.stop());

interface MediaNode {
  messaging_product: string;
  url: string;
  mime_type: string;
  sha256: string;
  file_size: number;
  id: string;
}

describe("upload", () => {
  it.each([
    ["image/jpeg", sampleMedia("image").bytes],
    ["image/png", Buffer.from("89504e470d0a1a0a", "hex")],
    ["image/webp (a sticker)", sampleMedia("sticker").bytes],
    ["audio/ogg", sampleMedia("voice").bytes],
    ["audio/mpeg", Buffer.from("ID3 fake mp3")],
    ["video/mp4", sampleMedia("video").bytes],
    ["application/pdf", sampleMedia("document").bytes],
    ["text/plain", Buffer.from("hello")],
  ])("accepts %s and answers {id}", async (label, bytes) => {
    const mimeType = label.split(" ")[0]!;
    const response = await graph<{ id: string }>(emulator, "POST", `/v23.0/${PHONE_ID}/media`, uploadForm(bytes, mimeType));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ id: expect.stringMatching(/^\d{15,16}$/) });
    expect(emulator.mediaBytes(response.body.id)?.equals(bytes)).toBe(true);
  });

  it.each([
    ["an unsupported type", uploadForm(Buffer.from("GIF89a"), "image/gif"), 131053, /image\/gif/],
    ["an image over 5 MB", uploadForm(Buffer.alloc(5 * 1024 * 1024 + 1, 1), "image/jpeg"), 131053, /exceeds the 5242880 bytes limit/],
    ["a sticker over 500 KB", uploadForm(Buffer.alloc(500 * 1024 + 1, 1), "image/webp"), 131053, /exceeds the 512000 bytes limit/],
    ["an empty file", uploadForm(Buffer.alloc(0), "image/jpeg"), 131053, /must not be empty/],
    ["ogg that is not opus", uploadForm(Buffer.from("OggS"), "audio/ogg; codecs=vorbis"), 131053, /Opus/],
  ])("refuses %s with 131053", async (_name, form, code, details) => {
    const response = await graph<GraphErrorBody>(emulator, "POST", `/v23.0/${PHONE_ID}/media`, form);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code, message: "(#131053) Media upload error" });
    expect(response.body.error.error_data!.details).toMatch(details);
  });

  it("wants messaging_product and file", async () => {
    const noProduct = await graph<GraphErrorBody>(
      emulator,
      "POST",
      `/v23.0/${PHONE_ID}/media`,
      uploadForm(Buffer.from("x"), "text/plain", "a.txt", {}),
    );
    expect(noProduct.body.error).toMatchObject({ code: 100, message: "(#100) The parameter messaging_product is required" });
    const form = new FormData();
    form.append("messaging_product", "whatsapp");
    form.append("type", "image/jpeg");
    const noFile = await graph<GraphErrorBody>(emulator, "POST", `/v23.0/${PHONE_ID}/media`, form);
    expect(noFile.body.error).toMatchObject({ code: 100, message: "(#100) The parameter file is required" });
  });

  it("wants multipart/form-data", async () => {
    const response = await graph<GraphErrorBody>(emulator, "POST", `/v23.0/${PHONE_ID}/media`, { messaging_product: "whatsapp" });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe(100);
  });

  it("wants the number's token", async () => {
    const response = await graph(emulator, "POST", `/v23.0/${PHONE_ID}/media`, uploadForm(Buffer.from("x"), "text/plain"), "other-token");
    // Another number's (valid) token cannot load this number: Meta's 100 / subcode 33.
    expect(response.status).toBe(400);
  });
});

describe("GET /{media-id} and the download URL", () => {
  it("answers the media node with a URL that serves the bytes with the token", async () => {
    const bytes = sampleMedia("image").bytes;
    const id = await upload(emulator, bytes, "image/jpeg", "photo.jpg");
    const node = await graph<MediaNode>(emulator, "GET", `/v23.0/${id}`);
    expect(node.status).toBe(200);
    expect(node.body).toEqual({
      messaging_product: "whatsapp",
      url: expect.stringMatching(new RegExp(`^${emulator.url}/whatsapp_business/attachments/\\?mid=${id}&ext=\\d+&hash=`)),
      mime_type: "image/jpeg",
      sha256: createHash("sha256").update(bytes).digest("hex"),
      file_size: bytes.length,
      id,
    });

    const download = await fetch(node.body.url, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("image/jpeg");
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it("refuses the download without a token (401) or with another number's token", async () => {
    const id = await upload(emulator, Buffer.from("secret"), "text/plain");
    const { body } = await graph<MediaNode>(emulator, "GET", `/v23.0/${id}`);
    expect((await fetch(body.url)).status).toBe(401);
    expect((await fetch(body.url, { headers: { authorization: "Bearer wrong" } })).status).toBe(401);
    expect((await fetch(body.url, { headers: { authorization: "Bearer other-token" } })).status).toBe(403);
    expect((await graph(emulator, "GET", `/v23.0/${id}`, undefined, "other-token")).status).toBe(401);
  });

  it("expires the URL after 5 minutes (injectable clock), while a new GET gives a fresh one", async () => {
    const id = await upload(emulator, Buffer.from("soon gone"), "text/plain");
    const { body } = await graph<MediaNode>(emulator, "GET", `/v23.0/${id}`);
    now += 4 * 60 * 1000 + 59 * 1000;
    expect((await fetch(body.url, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    now += 2 * 1000;
    expect((await fetch(body.url, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    const fresh = await graph<MediaNode>(emulator, "GET", `/v23.0/${id}`);
    expect((await fetch(fresh.body.url, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
  });

  it("expires every URL on demand", async () => {
    const id = await upload(emulator, Buffer.from("x"), "text/plain");
    const { body } = await graph<MediaNode>(emulator, "GET", `/v23.0/${id}`);
    emulator.expireMediaUrls();
    expect((await fetch(body.url, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
  });

  it("answers 404 for a made-up URL", async () => {
    expect(
      (await fetch(`${emulator.url}/whatsapp_business/attachments/?mid=1&hash=nope`, { headers: { authorization: `Bearer ${TOKEN}` } }))
        .status,
    ).toBe(404);
  });
});

describe("download faults", () => {
  const get = (url: string) => fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });

  it("answers a share of downloads 500 (mediaDownload5xxRate), the media node still fine", async () => {
    const bytes = Buffer.from("flaky download");
    const id = await upload(emulator, bytes, "text/plain");
    emulator.setFaults({ mediaDownload5xxRate: 1 });
    try {
      const node = await graph<MediaNode>(emulator, "GET", `/v23.0/${id}`);
      expect(node.status).toBe(200);
      const failed = await get(node.body.url);
      expect(failed.status).toBe(500);
      expect(failed.headers.get("content-type")).toMatch(/^text\/plain/);
      emulator.setFaults({});
      expect(Buffer.from(await (await get(node.body.url)).arrayBuffer()).equals(bytes)).toBe(true);
    } finally {
      emulator.setFaults({});
    }
  });

  it("serves corrupted bytes for a share of downloads (mediaCorruptRate): same size, another sha256", async () => {
    const bytes = sampleMedia("image").bytes;
    const id = await upload(emulator, bytes, "image/jpeg");
    emulator.setFaults({ mediaCorruptRate: 1 });
    try {
      const node = await graph<MediaNode>(emulator, "GET", `/v23.0/${id}`);
      const served = Buffer.from(await (await get(node.body.url)).arrayBuffer());
      expect(served.length).toBe(bytes.length);
      expect(createHash("sha256").update(served).digest("hex")).not.toBe(node.body.sha256);
      expect(emulator.mediaBytes(id)?.equals(bytes)).toBe(true);
      emulator.setFaults({});
      const clean = Buffer.from(await (await get(node.body.url)).arrayBuffer());
      expect(createHash("sha256").update(clean).digest("hex")).toBe(node.body.sha256);
    } finally {
      emulator.setFaults({});
    }
  });

  it("takes both over HTTP: POST /_emulator/faults", async () => {
    const response = await fetch(`${emulator.url}/_emulator/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ mediaDownload5xxRate: 0.5, mediaCorruptRate: 1 }),
    });
    expect(response.status).toBe(200);
    expect(emulator.faults()).toEqual({ mediaDownload5xxRate: 0.5, mediaCorruptRate: 1 });
    emulator.setFaults({});
  });
});

describe("DELETE /{media-id}", () => {
  it("deletes: {success:true}, then the id is unknown and its URL dead", async () => {
    const id = await upload(emulator, Buffer.from("bye"), "text/plain");
    const { body } = await graph<MediaNode>(emulator, "GET", `/v23.0/${id}`);
    expect((await graph(emulator, "DELETE", `/v23.0/${id}`)).body).toEqual({ success: true });
    const again = await graph<GraphErrorBody>(emulator, "GET", `/v23.0/${id}`);
    expect(again.status).toBe(400);
    expect(again.body.error).toMatchObject({ code: 100, error_subcode: 33 });
    expect((await fetch(body.url, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    expect(emulator.media().some((media) => media.id === id)).toBe(false);
  });

  it("refuses an unknown id with 100 / 33", async () => {
    const response = await graph<GraphErrorBody>(emulator, "DELETE", "/v23.0/1234567890123456");
    expect(response.body.error).toMatchObject({ code: 100, error_subcode: 33 });
  });
});
