/**
 * GET /api/media/[id] with S3 storage (s3rver on loopback, configured through S3_* as in
 * production): members are redirected to a short-lived presigned URL that serves the bytes,
 * ranges, type and disposition itself; everyone else gets the same 404 as on disk.
 */
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { getStorage } from "@/lib/storage";
import { createStoredMedia } from "@/test/fixtures/stored-media";
import { createTenants, type TenantMember } from "@/test/fixtures/tenants";
import { GET } from "./route";

const s3 = await vi.hoisted(async () => {
  const { startS3Server } = await import("@/lib/storage/testing/s3-server");
  const server = await startS3Server();
  Object.assign(process.env, { ...server.env, S3_FORCE_PATH_STYLE: "true" });
  return server;
});

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user, requireUser: async () => session.user }));

afterAll(async () => {
  await s3.stop();
});

beforeEach(() => {
  session.user = null;
});

const signInAs = (member: TenantMember) => {
  session.user = { id: member.userId, email: member.email, name: member.name, locale: null };
};

function get(id: string, variant?: string): Promise<Response> {
  const url = new URL(`http://parley.test/api/media/${id}`);
  if (variant) url.searchParams.set("variant", variant);
  return GET(new Request(url), { params: Promise.resolve({ id }) });
}

describe("GET /api/media/[id] (S3)", () => {
  it("uses the S3 driver in this file", () => {
    expect(getStorage()).toMatchObject({ driver: "s3", redirectDownloads: true });
  });

  it("redirects a member to a presigned URL that serves the bytes, ranges and headers", async () => {
    const { A } = await createTenants();
    const media = await createStoredMedia(A.workspace.id, { mimeType: "application/pdf", filename: "Kontrak — 2025.pdf", size: 30_000 });
    signInAs(A.agent);
    const response = await get(media.id);
    expect(response.status).toBe(302);
    expect(response.headers.get("cache-control")).toBe("private, max-age=300");
    const location = response.headers.get("location") ?? "";
    expect(location.startsWith(`${s3.endpoint}/${s3.bucket}/w/${A.workspace.id}/media/${media.id}/original.pdf?`)).toBe(true);
    expect(new URL(location).searchParams.get("X-Amz-Expires")).toBe("900");

    const whole = await fetch(location);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-type")).toBe("application/pdf");
    expect(whole.headers.get("content-disposition")).toBe(
      `attachment; filename="Kontrak _ 2025.pdf"; filename*=UTF-8''Kontrak%20%E2%80%94%202025.pdf`,
    );
    expect(whole.headers.get("cache-control")).toBe("private, max-age=900");
    expect(Buffer.from(await whole.arrayBuffer()).equals(media.bytes)).toBe(true);

    const part = await fetch(location, { headers: { Range: "bytes=29990-" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe("bytes 29990-29999/30000");
    expect(Buffer.from(await part.arrayBuffer()).equals(media.bytes.subarray(29_990))).toBe(true);
  });

  it("redirects to the thumbnail, inline, with its stored type", async () => {
    const { A } = await createTenants();
    const media = await createStoredMedia(A.workspace.id, { mimeType: "image/png", thumbnail: true });
    signInAs(A.owner);
    const response = await get(media.id, "thumbnail");
    expect(response.status).toBe(302);
    const thumbnail = await fetch(response.headers.get("location") ?? "");
    expect(thumbnail.headers.get("content-type")).toBe("image/jpeg");
    expect(thumbnail.headers.get("content-disposition")).toBe(`inline; filename="${media.id}-thumbnail.jpg"`);
    expect(Buffer.from(await thumbnail.arrayBuffer()).equals(media.thumbnailBytes ?? Buffer.alloc(0))).toBe(true);
  });

  it("gives no URL to a member of another workspace, or to the signed-out", async () => {
    const { A, B } = await createTenants();
    const media = await createStoredMedia(A.workspace.id, { mimeType: "image/jpeg", thumbnail: true });
    for (const intruder of [B.owner, B.agent]) {
      signInAs(intruder);
      for (const variant of [undefined, "thumbnail"]) {
        const response = await get(media.id, variant);
        expect(response.status).toBe(404);
        expect(response.headers.get("location")).toBeNull();
        expect(await response.text()).toBe("Not found");
      }
    }
    session.user = null;
    const response = await get(media.id);
    expect(response.status).toBe(404);
    expect(response.headers.get("location")).toBeNull();
  });
});
