/**
 * GET /api/media/[id] on the disk driver (the embedded default): the bytes stream through the
 * route, whole or by range, to members of the media's workspace only. The route handler is called
 * as Next calls it; only the session lookup is stood in for.
 */
import { rm } from "node:fs/promises";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { getStorage, type StoredObject } from "@/lib/storage";
import { createStoredMedia } from "@/test/fixtures/stored-media";
import { createTenants, type Tenant, type TenantMember } from "@/test/fixtures/tenants";
import { GET, HEAD } from "./route";

const storageDir = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = mkdtempSync(join(tmpdir(), "parley-media-route-"));
  process.env.STORAGE_DIR = dir;
  return dir;
});

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user, requireUser: async () => session.user }));

afterAll(async () => {
  await rm(storageDir, { recursive: true, force: true });
});

beforeEach(() => {
  session.user = null;
});

const signInAs = (member: TenantMember) => {
  session.user = { id: member.userId, email: member.email, name: member.name, locale: null };
};

function get(id: string, options: { variant?: string; range?: string } = {}): Promise<Response> {
  const url = new URL(`http://parley.test/api/media/${encodeURIComponent(id)}`);
  if (options.variant) url.searchParams.set("variant", options.variant);
  const headers: Record<string, string> = options.range ? { Range: options.range } : {};
  return GET(new Request(url, { headers }), { params: Promise.resolve({ id }) });
}

const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer());

/** What every "no" looks like: status, body and headers identical, whoever asks about whatever. */
async function expectPlain404(response: Response): Promise<void> {
  expect(response.status).toBe(404);
  expect(await response.text()).toBe("Not found");
  expect(Object.fromEntries(response.headers)).toEqual({
    "cache-control": "private, no-store",
    "content-security-policy": "sandbox",
    "content-type": "text/plain; charset=utf-8",
    "x-content-type-options": "nosniff",
  });
}

let tenants: { A: Tenant; B: Tenant } | undefined;
async function world() {
  tenants ??= await createTenants();
  return tenants;
}

describe("GET /api/media/[id] (disk)", () => {
  it("uses the disk driver in this file", () => {
    expect(getStorage().driver).toBe("disk");
  });

  it("gives a member the whole file with the headers a player and a cache need", async () => {
    const { A } = await world();
    const media = await createStoredMedia(A.workspace.id, { mimeType: "audio/ogg; codecs=opus", size: 50_000 });
    signInAs(A.agent);
    const response = await get(media.id);
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toEqual({
      "accept-ranges": "bytes",
      "cache-control": "private, max-age=3600",
      "content-disposition": `inline; filename="${media.id}.ogg"`,
      "content-length": "50000",
      "content-security-policy": "sandbox",
      "content-type": "audio/ogg; codecs=opus",
      "cross-origin-resource-policy": "same-origin",
      "x-content-type-options": "nosniff",
    });
    expect((await bytesOf(response)).equals(media.bytes)).toBe(true);
  });

  it("answers HEAD with the same headers and no body, closing the file it opened", async () => {
    const { A } = await world();
    const media = await createStoredMedia(A.workspace.id, { mimeType: "video/mp4", size: 10_000 });
    signInAs(A.agent);
    const storage = getStorage();
    const opened: StoredObject[] = [];
    const get = storage.get.bind(storage);
    const spy = vi.spyOn(storage, "get").mockImplementation(async (key, options) => {
      const object = await get(key, options);
      if (object) opened.push(object);
      return object;
    });
    try {
      const request = new Request(`http://parley.test/api/media/${media.id}`, { method: "HEAD", headers: { Range: "bytes=0-9" } });
      const response = await HEAD(request, { params: Promise.resolve({ id: media.id }) });
      expect(response.status).toBe(206);
      expect(response.body).toBeNull();
      expect(response.headers.get("content-range")).toBe("bytes 0-9/10000");
      expect(response.headers.get("content-length")).toBe("10");
      expect(opened).toHaveLength(1);
      expect(opened[0]?.stream.destroyed).toBe(true);
    } finally {
      spy.mockRestore();
    }
  });

  it.each([
    ["bytes=0-99", 0, 99],
    ["bytes=49000-", 49_000, 49_999],
    ["bytes=-1", 49_999, 49_999],
    ["bytes=-300", 49_700, 49_999],
    ["bytes=100-9999999", 100, 49_999],
  ])("answers Range %s with 206 and the right Content-Range", async (range, start, end) => {
    const { A } = await world();
    const media = await createStoredMedia(A.workspace.id, { mimeType: "video/mp4", size: 50_000 });
    signInAs(A.owner);
    const response = await get(media.id, { range });
    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toBe(`bytes ${start}-${end}/50000`);
    expect(response.headers.get("content-length")).toBe(String(end - start + 1));
    expect(response.headers.get("accept-ranges")).toBe("bytes");
    expect((await bytesOf(response)).equals(media.bytes.subarray(start, end + 1))).toBe(true);
  });

  it("answers a range past the end with 416 and the size", async () => {
    const { A } = await world();
    const media = await createStoredMedia(A.workspace.id, { mimeType: "video/mp4", size: 1000 });
    signInAs(A.admin);
    const response = await get(media.id, { range: "bytes=1000-" });
    expect(response.status).toBe(416);
    expect(response.headers.get("content-range")).toBe("bytes */1000");
  });

  it("ignores a Range it does not serve (several ranges, other units) and sends everything", async () => {
    const { A } = await world();
    const media = await createStoredMedia(A.workspace.id, { mimeType: "image/png", size: 1000 });
    signInAs(A.agent);
    for (const range of ["bytes=0-1,5-6", "items=0-1", "bytes=9-3"]) {
      const response = await get(media.id, { range });
      expect(response.status).toBe(200);
      expect((await bytesOf(response)).equals(media.bytes)).toBe(true);
    }
  });

  it("serves the thumbnail variant", async () => {
    const { A } = await world();
    const media = await createStoredMedia(A.workspace.id, { mimeType: "image/png", thumbnail: true });
    signInAs(A.agent);
    const response = await get(media.id, { variant: "thumbnail" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/jpeg");
    expect(response.headers.get("content-disposition")).toBe(`inline; filename="${media.id}-thumbnail.jpg"`);
    expect((await bytesOf(response)).equals(media.thumbnailBytes ?? Buffer.alloc(0))).toBe(true);
  });

  it("sends documents as attachments under their stored name (RFC 5987 for non-ASCII)", async () => {
    const { A } = await world();
    const pdf = await createStoredMedia(A.workspace.id, { mimeType: "application/pdf", filename: "Faktur Mei 2025 (final) — ñ.pdf" });
    const text = await createStoredMedia(A.workspace.id, { mimeType: "text/plain", filename: "notes.txt" });
    const html = await createStoredMedia(A.workspace.id, { mimeType: "text/html" });
    signInAs(A.agent);
    const response = await get(pdf.id);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="Faktur Mei 2025 (final) _ _.pdf"; filename*=UTF-8''Faktur%20Mei%202025%20%28final%29%20%E2%80%94%20%C3%B1.pdf`,
    );
    expect((await bytesOf(response)).equals(pdf.bytes)).toBe(true);
    expect((await get(text.id)).headers.get("content-disposition")).toBe('attachment; filename="notes.txt"');
    // Never rendered as a page of ours.
    const page = await get(html.id);
    expect(page.headers.get("content-disposition")).toBe(`attachment; filename="${html.id}.bin"`);
    expect(page.headers.get("content-security-policy")).toBe("sandbox");
  });

  it("answers a member of another workspace exactly as a missing id", async () => {
    const { A, B } = await world();
    const media = await createStoredMedia(A.workspace.id, { mimeType: "image/jpeg", thumbnail: true });
    for (const intruder of [B.owner, B.admin, B.agent]) {
      signInAs(intruder);
      await expectPlain404(await get(media.id));
      await expectPlain404(await get(media.id, { variant: "thumbnail" }));
      await expectPlain404(await get(media.id, { range: "bytes=0-10" }));
    }
    await expectPlain404(await get("cmnosuchmedia0000000000000"));
  });

  it("answers the signed-out with the same 404", async () => {
    const { A } = await world();
    const media = await createStoredMedia(A.workspace.id, { mimeType: "image/jpeg" });
    await expectPlain404(await get(media.id));
  });

  it("answers 404 for a missing id, an unknown variant, or a variant the media lacks", async () => {
    const { A } = await world();
    const media = await createStoredMedia(A.workspace.id, { mimeType: "image/jpeg" });
    signInAs(A.owner);
    await expectPlain404(await get("cmnosuchmedia0000000000000"));
    await expectPlain404(await get("x".repeat(500)));
    await expectPlain404(await get(media.id, { variant: "thumbnail" }));
    await expectPlain404(await get(media.id, { variant: "../original" }));
  });

  it("answers 404 for media not stored (pending, unavailable, deleted) or whose bytes are gone", async () => {
    const { A } = await world();
    signInAs(A.owner);
    for (const status of ["pending", "unavailable", "deleted"] as const) {
      const media = await createStoredMedia(A.workspace.id, { mimeType: "image/jpeg", status });
      await expectPlain404(await get(media.id));
    }
    const gone = await createStoredMedia(A.workspace.id, { mimeType: "image/jpeg" });
    await getStorage().delete(gone.storageKey);
    await expectPlain404(await get(gone.id));
  });

  it("never serves a key outside the media's own workspace, even if a row says so", async () => {
    const { A, B } = await world();
    const theirs = await createStoredMedia(B.workspace.id, { mimeType: "image/jpeg" });
    const mine = await createStoredMedia(A.workspace.id, { mimeType: "image/jpeg" });
    await prisma.media.update({ where: { id: mine.id }, data: { storageKey: theirs.storageKey } });
    signInAs(A.owner);
    await expectPlain404(await get(mine.id));
  });
});
