/**
 * Tenant isolation of canned replies: B's managers cannot read, edit or delete A's replies (not
 * found, nothing of A changes), B's list holds none of A's, a shortcut A uses is free in B; and
 * the settings actions answer a member of B naming A's workspace with not found.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { listCannedReplies } from "@/lib/services/canned-replies/list-canned-replies";
import { createCannedReply, deleteCannedReply, updateCannedReply } from "@/lib/services/canned-replies/manage-canned-replies";
import { createTenants } from "@/test/fixtures/tenants";
import { expectNothingOf, rejection, untouched } from "./helpers";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user, requireUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const actions = await import("@/app/actions/canned-replies");

beforeEach(() => {
  session.user = null;
});

async function tenantsWithReplies() {
  const { A, B } = await createTenants();
  const ofA = await createCannedReply(A.admin.ctx, { shortcut: "hours", title: "A's hours", body: "A secret answer" });
  return { A, B, ofA };
}

describe("listCannedReplies", () => {
  it("lists B's replies only, with or without a query", async () => {
    const { A, B } = await tenantsWithReplies();
    await createCannedReply(B.admin.ctx, { shortcut: "hello", title: "B's hello", body: "Hi" });
    await untouched(A, async () => {
      for (const query of [undefined, "hours", "secret", "h"]) {
        const replies = await listCannedReplies(B.agent.ctx, { query });
        expect(replies.every((r) => r.title.startsWith("B's"))).toBe(true);
        expectNothingOf(A, replies);
      }
    });
  });
});

describe("createCannedReply", () => {
  it("creates in B only; a shortcut A uses is free in B", async () => {
    const { A, B } = await tenantsWithReplies();
    await untouched(A, async () => {
      expect(await createCannedReply(B.admin.ctx, { shortcut: "hours", title: "B's hours", body: "B" })).toMatchObject({ shortcut: "hours" });
    });
  });
});

describe("updateCannedReply", () => {
  it("refuses A's reply", async () => {
    const { A, B, ofA } = await tenantsWithReplies();
    await untouched(A, async () => {
      for (const manager of [B.owner, B.admin]) {
        expect((await rejection(updateCannedReply(manager.ctx, { id: ofA.id, shortcut: "taken", title: "x", body: "x" }))).code).toBe("not_found");
      }
    });
  });
});

describe("deleteCannedReply", () => {
  it("refuses A's reply", async () => {
    const { A, B, ofA } = await tenantsWithReplies();
    await untouched(A, async () => {
      expect((await rejection(deleteCannedReply(B.owner.ctx, ofA.id))).code).toBe("not_found");
    });
  });
});

describe("canned reply actions", () => {
  it("answer a member of B who names A's workspace or A's reply with not found, and change nothing of A", async () => {
    const { A, B, ofA } = await tenantsWithReplies();
    for (const intruder of [B.owner, B.admin, B.agent]) {
      session.user = { id: intruder.userId, email: intruder.email, name: intruder.name, locale: null };
      await untouched(A, async () => {
        const fields = { shortcut: "x", title: "x", body: "x" };
        const calls = [
          ["createCannedReplyAction", () => actions.createCannedReplyAction({ slug: A.workspace.slug, ...fields })],
          ["updateCannedReplyAction", () => actions.updateCannedReplyAction({ slug: A.workspace.slug, id: ofA.id, ...fields })],
          ["deleteCannedReplyAction", () => actions.deleteCannedReplyAction({ slug: A.workspace.slug, id: ofA.id })],
        ] as const;
        for (const [name, call] of calls) expect({ name, code: (await call())?.serverError?.code }).toEqual({ name, code: "not_found" });
        // B's own slug with A's id: still not found for managers, forbidden for the agent.
        const own = await actions.deleteCannedReplyAction({ slug: B.workspace.slug, id: ofA.id });
        expect(own?.serverError?.code).toBe(intruder.role === "agent" ? "forbidden" : "not_found");
      });
    }
  });

  it("work for A's admin, and refuse a duplicate shortcut on its field", async () => {
    const { A } = await tenantsWithReplies();
    session.user = { id: A.admin.userId, email: A.admin.email, name: A.admin.name, locale: null };
    const duplicate = await actions.createCannedReplyAction({ slug: A.workspace.slug, shortcut: "hours", title: "Again", body: "x" });
    expect(duplicate?.serverError).toMatchObject({ code: "conflict", messageKey: "cannedReplyShortcutTaken", field: "shortcut" });
    const bad = await actions.createCannedReplyAction({ slug: A.workspace.slug, shortcut: "has space", title: "t", body: "b" });
    expect(bad?.validationErrors).toMatchObject({ fieldErrors: { shortcut: ["shortcutFormat"] } });
    const ok = await actions.createCannedReplyAction({ slug: A.workspace.slug, shortcut: "new", title: "New", body: "Body" });
    expect(ok?.data).toMatchObject({ shortcut: "new" });
  });
});
