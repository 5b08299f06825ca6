/** The Resumable Upload API (template media samples): sessions, the upload, resuming, refusals. */
import { createHash } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "./index";
import { sampleMedia } from "./media-samples";
import { APP_ID, type GraphErrorBody, graph, TOKEN, uploadSample } from "./test-support";
import { startEmulator } from "./test-support";

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator(undefined);
});
afterEach(() => emulator.reset());
afterAll(async () => {
  await emulator.stop();
});

const JPEG = sampleMedia("image").bytes;

function openSession(query: Record<string, string>, token: string | null = TOKEN) {
  return graph<{ id: string } & GraphErrorBody>(
    emulator,
    "POST",
    `/v23.0/${APP_ID}/uploads?${new URLSearchParams(query)}`,
    undefined,
    token,
  );
}

async function sendBytes(sessionId: string, offset: string | undefined, bytes: Buffer, authorization: string | null = `OAuth ${TOKEN}`) {
  const headers: Record<string, string> = {};
  if (authorization) headers.authorization = authorization;
  if (offset !== undefined) headers.file_offset = offset;
  const response = await fetch(`${emulator.url}/v23.0/${sessionId}`, { method: "POST", headers, body: new Uint8Array(bytes) });
  return {
    status: response.status,
    body: (await response.json()) as { h?: string; id?: string; file_offset?: number } & Partial<GraphErrorBody>,
  };
}

describe("POST /{app-id}/uploads", () => {
  it("opens a session shaped like Meta's: upload:<base64>?sig=…", async () => {
    const response = await openSession({ file_name: "h.jpg", file_length: String(JPEG.length), file_type: "image/jpeg" });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ id: expect.stringMatching(/^upload:[A-Za-z0-9+=]+\?sig=AR[\w-]+$/) });
    const decoded = Buffer.from(response.body.id.slice("upload:".length).split("?")[0]!, "base64").toString();
    expect(decoded).toMatch(/^1:attachment:[0-9a-f-]{36}\?$/);
  });

  it.each([
    [
      "a GIF",
      { file_length: "10", file_type: "image/gif" },
      "Param file_type must be one of {application/pdf, image/jpeg, image/jpg, image/png, video/mp4}",
    ],
    ["a WebP", { file_length: "10", file_type: "image/webp" }, "Param file_type must be one of"],
    ["no file_type", { file_length: "10" }, "(#100) The parameter file_type is required"],
    ["no file_length", { file_type: "image/png" }, "(#100) The parameter file_length is required"],
    ["a zero length", { file_length: "0", file_type: "image/png" }, "Param file_length must be a positive integer"],
    ["over 100 MB", { file_length: String(100 * 1024 * 1024 + 1), file_type: "video/mp4" }, "at most 104857600 bytes"],
  ])("refuses %s with code 100", async (_name, query, expected) => {
    const response = await openSession(query);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe(100);
    const text = `${response.body.error.message} ${response.body.error.error_data?.details ?? ""}`;
    expect(text).toContain(expected);
  });

  it("wants a known token (190)", async () => {
    const response = await openSession({ file_length: "10", file_type: "image/png" }, "nope");
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe(190);
  });
});

describe("POST /upload:<id>", () => {
  it("takes the bytes at offset 0 and answers a 4:: handle whose file the emulator keeps", async () => {
    const session = await openSession({ file_name: "h.jpg", file_length: String(JPEG.length), file_type: "image/jpeg" });
    const answer = await sendBytes(session.body.id, "0", JPEG);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ h: expect.stringMatching(/^4::aW1hZ2UvanBlZw==:ARb[\w-]+:e:\d{10}:584544743160774:\d{15}:AR[\w-]+$/) });
    const handle = answer.body.h!;
    expect(emulator.templateSampleBytes(handle)).toEqual(JPEG);
    expect(emulator.templateSamples()).toEqual([
      {
        handle,
        sessionId: session.body.id,
        appId: APP_ID,
        fileName: "h.jpg",
        mimeType: "image/jpeg",
        fileSize: JPEG.length,
        sha256: createHash("sha256").update(JPEG).digest("hex"),
        createdAt: expect.any(Number),
      },
    ]);
  });

  it("accepts a Bearer token, and the session id percent-encoded as one path segment", async () => {
    const session = await openSession({ file_length: "4", file_type: "application/pdf" });
    const answer = await sendBytes(encodeURIComponent(session.body.id), "0", Buffer.from("%PDF"), `Bearer ${TOKEN}`);
    expect(answer.body.h).toMatch(/^4::YXBwbGljYXRpb24vcGRm:/);
  });

  it("resumes: a partial upload reports its offset, GET tells where to resume, a wrong offset is refused", async () => {
    const session = await openSession({ file_name: "h.jpg", file_length: String(JPEG.length), file_type: "image/jpeg" });
    const half = Math.floor(JPEG.length / 2);

    const first = await sendBytes(session.body.id, "0", JPEG.subarray(0, half));
    expect(first.body).toEqual({ id: session.body.id, file_offset: half });

    const status = await graph<{ id: string; file_offset: number }>(emulator, "GET", `/v23.0/${session.body.id}`);
    expect(status.body).toEqual({ id: session.body.id, file_offset: half });

    const wrong = await sendBytes(session.body.id, "0", JPEG);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ code: 100 });
    expect(wrong.body.error!.error_data!.details).toContain(`does not match the upload session's offset ${half}`);

    const rest = await sendBytes(session.body.id, String(half), JPEG.subarray(half));
    expect(rest.body.h).toMatch(/^4::/);
    expect(emulator.templateSampleBytes(rest.body.h!)).toEqual(JPEG);
  });

  it("refuses more bytes than file_length, a missing file_offset, and a token outside the header", async () => {
    const session = await openSession({ file_length: "3", file_type: "image/png" });
    expect((await sendBytes(session.body.id, "0", Buffer.from("1234"))).body.error!.error_data!.details).toContain(
      "more than the session's file_length of 3",
    );
    expect((await sendBytes(session.body.id, undefined, Buffer.from("123"))).body.error!.message).toBe(
      "(#100) The parameter file_offset is required",
    );
    const queryToken = await fetch(`${emulator.url}/v23.0/${session.body.id}&access_token=${TOKEN}`, {
      method: "POST",
      headers: { file_offset: "0" },
      body: "123",
    });
    expect(queryToken.status).toBe(401);
  });

  it("does not know a session with a forged signature, nor one after reset", async () => {
    const session = await openSession({ file_length: "3", file_type: "image/png" });
    const forged = session.body.id.replace(/sig=.*/, "sig=ARforged");
    const answer = await sendBytes(forged, "0", Buffer.from("123"));
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 100, error_subcode: 33 });
    emulator.reset();
    expect((await sendBytes(session.body.id, "0", Buffer.from("123"))).body.error).toMatchObject({ error_subcode: 33 });
  });

  it("is what uploadSample() and uploadTemplateSample() do", async () => {
    const overHttp = await uploadSample(emulator, JPEG, "image/png", "a.png");
    const direct = emulator.uploadTemplateSample(JPEG, "video/mp4", "v.mp4");
    expect(emulator.templateSamples().map((sample) => [sample.handle, sample.mimeType, sample.fileName])).toEqual([
      [overHttp, "image/png", "a.png"],
      [direct, "video/mp4", "v.mp4"],
    ]);
  });
});
