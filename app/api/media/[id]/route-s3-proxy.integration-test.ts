/**
 * GET /api/media/[id] with S3 storage and S3_PROXY_DOWNLOADS=true (an endpoint browsers cannot
 * reach): the route streams from S3 itself, with ranges, like the disk driver.
 */
import { afterAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { getStorage } from "@/lib/storage";
import { createStoredMedia } from "@/test/fixtures/stored-media";
import { createTenants } from "@/test/fixtures/tenants";
import { GET } from "./route";

const s3 = await vi.hoisted(async () => {
  const { startS3Server } = await import("@/lib/storage/testing/s3-server");
  const server = await startS3Server();
  Object.assign(process.env, { ...server.env, S3_FORCE_PATH_STYLE: "true", S3_PROXY_DOWNLOADS: "true" });
  return server;
});

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user, requireUser: async () => session.user }));

afterAll(async () => {
  await s3.stop();
});

const get = (id: string, range?: string) =>
  GET(new Request(`http://parley.test/api/media/${id}`, { headers: range ? { Range: range } : {} }), { params: Promise.resolve({ id }) });

describe("GET /api/media/[id] (S3, proxied)", () => {
  it("streams the bytes and ranges through the app instead of redirecting", async () => {
    expect(getStorage()).toMatchObject({ driver: "s3", redirectDownloads: false });
    const { A, B } = await createTenants();
    const media = await createStoredMedia(A.workspace.id, { mimeType: "audio/mpeg", size: 20_000 });
    session.user = { id: A.agent.userId, email: A.agent.email, name: A.agent.name, locale: null };

    const whole = await get(media.id);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-type")).toBe("audio/mpeg");
    expect(whole.headers.get("content-length")).toBe("20000");
    expect(Buffer.from(await whole.arrayBuffer()).equals(media.bytes)).toBe(true);

    const part = await get(media.id, "bytes=-5");
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe("bytes 19995-19999/20000");
    expect(Buffer.from(await part.arrayBuffer()).equals(media.bytes.subarray(19_995))).toBe(true);

    expect((await get(media.id, "bytes=20000-")).status).toBe(416);

    session.user = { id: B.owner.userId, email: B.owner.email, name: B.owner.name, locale: null };
    expect((await get(media.id)).status).toBe(404);
  });
});
