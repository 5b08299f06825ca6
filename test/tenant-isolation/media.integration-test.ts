/**
 * Tenant isolation for media (DESIGN.md invariant 1): a member of B who names A's media ids —
 * original or thumbnail, through the service or the route — learns nothing (the same NotFound /
 * 404 as a missing id) and changes nothing of A; B's own media still works.
 */
import { rm } from "node:fs/promises";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { getMediaForViewer, serveMedia } from "@/lib/services/media/serve-media";
import { createStoredMedia } from "@/test/fixtures/stored-media";
import { createTenants } from "@/test/fixtures/tenants";
import { GET } from "@/app/api/media/[id]/route";
import { expectNothingOf, rejection, untouched } from "./helpers";

const storageDir = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = mkdtempSync(join(tmpdir(), "parley-isolation-media-"));
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

async function tenantsWithMedia() {
  const { A, B } = await createTenants();
  const a = await createStoredMedia(A.workspace.id, { mimeType: "image/jpeg", thumbnail: true });
  const b = await createStoredMedia(B.workspace.id, { mimeType: "image/jpeg", thumbnail: true });
  return { A, B, a, b };
}

describe("getMediaForViewer", () => {
  it("finds B's media for B's members, and A's for none of them", async () => {
    const { A, B, a, b } = await tenantsWithMedia();
    await untouched(A, async () => {
      for (const member of [B.owner, B.admin, B.agent]) {
        const own = await getMediaForViewer(member.userId, b.id, "original");
        expect(own).toMatchObject({ id: b.id, workspaceId: B.workspace.id, key: b.storageKey });
        expectNothingOf(A, own);
        for (const variant of ["original", "thumbnail"] as const) {
          const missing = await rejection(getMediaForViewer(member.userId, "cmnosuchmedia0000000000000", variant));
          const foreign = await rejection(getMediaForViewer(member.userId, a.id, variant));
          expect({ code: foreign.code, messageKey: foreign.messageKey }).toEqual({ code: missing.code, messageKey: missing.messageKey });
          expect(foreign.code).toBe("not_found");
        }
      }
    });
  });
});

describe("serveMedia", () => {
  it("streams B's bytes to B and nothing of A's", async () => {
    const { A, B, a, b } = await tenantsWithMedia();
    await untouched(A, async () => {
      const own = await serveMedia(B.agent.userId, b.id);
      expect(own.kind).toBe("stream");
      if (own.kind === "stream") own.object.stream.destroy();
      for (const variant of ["original", "thumbnail"] as const) {
        expect((await rejection(serveMedia(B.owner.userId, a.id, { variant, range: { start: 0, end: 10 } }))).code).toBe("not_found");
      }
    });
  });
});

describe("GET /api/media/[id]", () => {
  const get = (id: string, variant?: string) =>
    GET(new Request(`http://parley.test/api/media/${id}${variant ? `?variant=${variant}` : ""}`), { params: Promise.resolve({ id }) });

  it("answers B's members 404 for A's media, byte for byte as for a missing id", async () => {
    const { A, B, a } = await tenantsWithMedia();
    await untouched(A, async () => {
      for (const intruder of [B.owner, B.admin, B.agent]) {
        session.user = { id: intruder.userId, email: intruder.email, name: intruder.name, locale: null };
        const missing = await get("cmnosuchmedia0000000000000");
        const missingBody = await missing.text();
        for (const variant of [undefined, "thumbnail"]) {
          const foreign = await get(a.id, variant);
          expect(foreign.status).toBe(404);
          expect(await foreign.text()).toBe(missingBody);
          expect(Object.fromEntries(foreign.headers)).toEqual(Object.fromEntries(missing.headers));
        }
      }
    });
  });

  it("still serves A's media to A's members (the 404s above are not a broken route)", async () => {
    const { A, a } = await tenantsWithMedia();
    session.user = { id: A.agent.userId, email: A.agent.email, name: A.agent.name, locale: null };
    const response = await get(a.id);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(a.bytes)).toBe(true);
  });
});
