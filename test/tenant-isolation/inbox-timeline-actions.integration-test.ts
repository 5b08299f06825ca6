/**
 * Tenant isolation for the conversation view's own action (retryMediaDownloadAction): a member of
 * B naming A's workspace, or B's workspace with A's media id, gets "not found" and A changes in no
 * way; the signed-out get "signed out"; B's own media answers with its state.
 */
import { rm } from "node:fs/promises";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { createStoredMedia } from "@/test/fixtures/stored-media";
import { createTenants } from "@/test/fixtures/tenants";
import { untouched } from "./helpers";

const storageDir = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = mkdtempSync(join(tmpdir(), "parley-isolation-timeline-"));
  process.env.STORAGE_DIR = dir;
  return dir;
});

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user, requireUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { retryMediaDownloadAction } = await import("@/app/actions/inbox/media");

const signInAs = (member: { userId: string; email: string; name: string }) => {
  session.user = { id: member.userId, email: member.email, name: member.name, locale: null };
};

afterAll(async () => {
  await rm(storageDir, { recursive: true, force: true });
});

beforeEach(() => {
  session.user = null;
});

describe("retryMediaDownloadAction", () => {
  it("answers B's members not found for A's workspace or A's media, and changes nothing of A", async () => {
    const { A, B } = await createTenants();
    const aMedia = await createStoredMedia(A.workspace.id, { mimeType: "image/jpeg", status: "unavailable" });
    await untouched(A, async () => {
      for (const intruder of [B.owner, B.admin, B.agent]) {
        signInAs(intruder);
        const viaSlug = await retryMediaDownloadAction({ slug: A.workspace.slug, mediaId: aMedia.id });
        expect(viaSlug?.serverError?.code).toBe("not_found");
        const viaId = await retryMediaDownloadAction({ slug: B.workspace.slug, mediaId: aMedia.id });
        expect(viaId?.serverError).toMatchObject({ code: "not_found", messageKey: "mediaNotFound" });
        expect(viaId?.data).toBeUndefined();
      }
    });
  });

  it("answers the signed-out with signed out, and refuses bad input before any lookup", async () => {
    const { A } = await createTenants();
    const aMedia = await createStoredMedia(A.workspace.id, { mimeType: "image/jpeg", status: "unavailable" });
    await untouched(A, async () => {
      expect((await retryMediaDownloadAction({ slug: A.workspace.slug, mediaId: aMedia.id }))?.serverError?.code).toBe("unauthorized");
      signInAs(A.agent);
      const bad = await retryMediaDownloadAction({ slug: A.workspace.slug, mediaId: "" });
      expect(bad?.validationErrors).toBeDefined();
    });
  });

  it("gives a member their own stored media's state", async () => {
    const { B } = await createTenants();
    const own = await createStoredMedia(B.workspace.id, { mimeType: "image/jpeg" });
    signInAs(B.agent);
    const result = await retryMediaDownloadAction({ slug: B.workspace.slug, mediaId: own.id });
    expect(result?.data).toEqual({ id: own.id, status: "stored", error: null });
  });
});
