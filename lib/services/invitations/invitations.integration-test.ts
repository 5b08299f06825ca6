import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import * as email from "@/lib/email/send";
import { sha256 } from "@/lib/auth/tokens";
import { signUp } from "@/lib/services/auth/sign-up";
import { signUpSchema } from "@/lib/validation/auth";
import { createTenant, uniqueEmail, type Tenant } from "@/test/fixtures/tenants";
import { snapshotWorkspace } from "@/test/fixtures/snapshot";
import {
  acceptInvitation,
  createInvitation,
  INVITATION_TTL_DAYS,
  listPendingInvitations,
  previewInvitation,
  revokeInvitation,
} from "./invitations";

const LINK = { locale: "en" };
const DAY_MS = 24 * 60 * 60 * 1000;
let sent: MockInstance<typeof email.sendEmail>;

beforeEach(() => {
  sent = vi.spyOn(email, "sendEmail").mockResolvedValue();
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

function tokenOf(url: string): string {
  const match = /\/invite\/([^/?#]+)$/.exec(url);
  if (!match?.[1]) throw new Error(`not an invitation url: ${url}`);
  return decodeURIComponent(match[1]);
}

/** A user (not yet a member anywhere) with the given address. */
const person = (address: string) => prisma.user.create({ data: { email: address, name: "Invitee" } });

async function invite(t: Tenant, role: "admin" | "agent" = "agent", address = uniqueEmail("invitee")) {
  const invitation = await createInvitation(t.admin.ctx, { email: address, role }, LINK);
  return { ...invitation, email: address, token: tokenOf(invitation.url) };
}

const membership = (t: Tenant, userId: string) =>
  prisma.membership.findUnique({ where: { workspaceId_userId: { workspaceId: t.workspace.id, userId } } });

describe("createInvitation", () => {
  it("mails a link whose token is stored only as its sha256", async () => {
    const t = await createTenant();
    const address = uniqueEmail("invitee");
    const { id, url } = await createInvitation(t.admin.ctx, { email: address, role: "admin" }, LINK);
    const token = tokenOf(url);

    expect(url).toBe(`https://parley.test/invite/${encodeURIComponent(token)}`);
    expect(token.length).toBeGreaterThanOrEqual(40);
    expect(sent).toHaveBeenCalledTimes(1);
    expect(sent.mock.calls[0]?.[0]).toMatchObject({ to: address });
    expect(sent.mock.calls[0]?.[0].text).toContain(url);
    expect(sent.mock.calls[0]?.[0].subject).toContain(t.workspace.name);

    const row = await prisma.invitation.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ email: address, role: "admin", tokenHash: sha256(token), invitedById: t.admin.userId, acceptedAt: null, revokedAt: null });
    // No row the workspace owns holds the raw token (the invitation, its audit entry, anything).
    const everything = JSON.stringify(await snapshotWorkspace(t.workspace.id));
    expect(everything).toContain(sha256(token));
    expect(everything).not.toContain(token);
  });

  it(`expires after ${INVITATION_TTL_DAYS} days`, async () => {
    const t = await createTenant();
    const before = Date.now();
    const { expiresAt } = await invite(t);
    expect(expiresAt.getTime()).toBeGreaterThanOrEqual(before + INVITATION_TTL_DAYS * DAY_MS);
    expect(expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + INVITATION_TTL_DAYS * DAY_MS);
    expect(INVITATION_TTL_DAYS).toBe(7);
  });

  it("is for owners and admins: an agent is forbidden, nothing is stored or sent", async () => {
    const t = await createTenant();
    const before = await snapshotWorkspace(t.workspace.id);
    expect(await rejection(createInvitation(t.agent.ctx, { email: uniqueEmail("x"), role: "agent" }, LINK))).toMatchObject({ code: "forbidden" });
    expect(await snapshotWorkspace(t.workspace.id)).toEqual(before);
    expect(sent).not.toHaveBeenCalled();
  });

  it("refuses to invite an existing member: conflict alreadyMember on the email field", async () => {
    const t = await createTenant();
    const before = await snapshotWorkspace(t.workspace.id);
    expect(await rejection(createInvitation(t.owner.ctx, { email: t.agent.email, role: "admin" }, LINK))).toMatchObject({
      code: "conflict",
      messageKey: "alreadyMember",
      field: "email",
    });
    expect(await snapshotWorkspace(t.workspace.id)).toEqual(before);
    expect(sent).not.toHaveBeenCalled();
  });

  it("re-inviting an address revokes the pending link: only the newest works", async () => {
    const t = await createTenant();
    const address = uniqueEmail("twice");
    const first = await invite(t, "agent", address);
    const second = await invite(t, "admin", address);
    const user = await person(address);

    expect((await previewInvitation(first.token))?.state).toBe("revoked");
    expect(await rejection(acceptInvitation(user, first.token))).toMatchObject({ code: "not_found", messageKey: "invitationNotFound" });
    expect(await membership(t, user.id)).toBeNull();

    await acceptInvitation(user, second.token);
    expect((await membership(t, user.id))?.role).toBe("admin");
    const pendingFor = (await listPendingInvitations(t.owner.ctx)).filter((i) => i.email === address);
    expect(pendingFor).toEqual([]);
  });
});

describe("acceptInvitation", () => {
  it("joins an existing user with the invited role, once, and audits it", async () => {
    const t = await createTenant();
    const inv = await invite(t, "admin");
    const user = await person(inv.email);

    await expect(acceptInvitation(user, inv.token)).resolves.toEqual({ slug: t.workspace.slug });
    expect((await membership(t, user.id))?.role).toBe("admin");
    expect((await prisma.invitation.findUniqueOrThrow({ where: { id: inv.id } })).acceptedAt).not.toBeNull();
    expect(await prisma.auditLog.findMany({ where: { workspaceId: t.workspace.id, action: "member.joined" } })).toMatchObject([
      { actorId: user.id, targetType: "invitation", targetId: inv.id },
    ]);
    expect((await previewInvitation(inv.token))?.state).toBe("used");
  });

  it("joins a user who signs up from the link (address typed in another case)", async () => {
    const t = await createTenant();
    const inv = await invite(t);
    const user = await signUp(signUpSchema.parse({ name: "New Agent", email: ` ${inv.email.toUpperCase()} `, password: "new agent pw" }));

    await acceptInvitation(user, inv.token);
    expect((await membership(t, user.id))?.role).toBe("agent");
  });

  it("works once: the second use is gone (invitationUsed)", async () => {
    const t = await createTenant();
    const inv = await invite(t);
    const user = await person(inv.email);
    await acceptInvitation(user, inv.token);

    expect(await rejection(acceptInvitation(user, inv.token))).toMatchObject({ code: "gone", messageKey: "invitationUsed" });
    expect(await prisma.membership.count({ where: { workspaceId: t.workspace.id, userId: user.id } })).toBe(1);
  });

  it("lets exactly one of two concurrent accepts succeed", async () => {
    const t = await createTenant();
    const inv = await invite(t);
    const user = await person(inv.email);

    const results = await Promise.allSettled([acceptInvitation(user, inv.token), acceptInvitation(user, inv.token)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failure = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(failure?.reason).toMatchObject({ code: "gone", messageKey: "invitationUsed" });
    expect(await prisma.membership.count({ where: { workspaceId: t.workspace.id, userId: user.id } })).toBe(1);
    expect(await prisma.auditLog.count({ where: { workspaceId: t.workspace.id, action: "member.joined" } })).toBe(1);
  });

  it(`refuses the link once ${INVITATION_TTL_DAYS} days have passed (invitationExpired), but not a minute before`, async () => {
    const t = await createTenant();
    const early = await invite(t);
    const late = await invite(t);
    const [earlyUser, lateUser] = [await person(early.email), await person(late.email)];
    vi.useFakeTimers({ toFake: ["Date"] });

    vi.setSystemTime(Date.now() + INVITATION_TTL_DAYS * DAY_MS - 60_000);
    await acceptInvitation(earlyUser, early.token);

    vi.setSystemTime(Date.now() + 2 * 60_000);
    expect((await previewInvitation(late.token))?.state).toBe("expired");
    expect(await rejection(acceptInvitation(lateUser, late.token))).toMatchObject({ code: "gone", messageKey: "invitationExpired" });
    expect(await membership(t, lateUser.id)).toBeNull();
    expect(await listPendingInvitations(t.owner.ctx)).not.toContainEqual(expect.objectContaining({ id: late.id }));
  });

  it("is only for the address it was sent to: forbidden, naming that address, nothing joined or used up", async () => {
    const t = await createTenant();
    const inv = await invite(t);
    const stranger = await person(uniqueEmail("stranger"));

    const error = await rejection(acceptInvitation(stranger, inv.token));
    expect(error).toMatchObject({ code: "forbidden", messageKey: "invitationEmailMismatch", params: { email: inv.email } });
    expect(await membership(t, stranger.id)).toBeNull();
    expect((await prisma.invitation.findUniqueOrThrow({ where: { id: inv.id } })).acceptedAt).toBeNull();

    // The right person can still use it.
    await acceptInvitation(await person(inv.email), inv.token);
  });

  it("answers not found for unknown and revoked tokens", async () => {
    const t = await createTenant();
    const inv = await invite(t);
    const user = await person(inv.email);
    expect(await rejection(acceptInvitation(user, `${inv.token}x`))).toMatchObject({ code: "not_found", messageKey: "invitationNotFound" });
    expect(await previewInvitation("no-such-token")).toBeNull();

    await revokeInvitation(t.admin.ctx, inv.id);
    expect(await rejection(acceptInvitation(user, inv.token))).toMatchObject({ code: "not_found", messageKey: "invitationNotFound" });
    expect(await membership(t, user.id)).toBeNull();
  });

  it("never changes the role of someone who became a member meanwhile", async () => {
    const t = await createTenant();
    const inv = await invite(t, "agent");
    const user = await person(inv.email);
    await prisma.membership.create({ data: { workspaceId: t.workspace.id, userId: user.id, role: "admin" } });

    await acceptInvitation(user, inv.token);
    expect((await membership(t, user.id))?.role).toBe("admin");
  });
});

describe("previewInvitation", () => {
  it("shows what the invitation page needs, without the token hash", async () => {
    const t = await createTenant();
    const inv = await invite(t, "admin");
    expect(await previewInvitation(inv.token)).toEqual({
      email: inv.email,
      role: "admin",
      state: "valid",
      workspaceName: t.workspace.name,
      inviterName: t.admin.name,
    });
  });
});

describe("listPendingInvitations and revokeInvitation", () => {
  it("lists only pending, unexpired invitations, newest first", async () => {
    const t = await createTenant();
    const accepted = await invite(t);
    await acceptInvitation(await person(accepted.email), accepted.token);
    const revoked = await invite(t);
    await revokeInvitation(t.owner.ctx, revoked.id);
    const expired = await invite(t);
    await prisma.invitation.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const pending = await invite(t);

    const list = await listPendingInvitations(t.agent.ctx);
    expect(list.map((i) => i.id)).toEqual([pending.id, t.invitation.id]);
    expect(Object.keys(list[0] ?? {}).sort()).toEqual(["createdAt", "email", "expiresAt", "id", "role"]);
  });

  it("revokes once, audits it, and refuses agents", async () => {
    const t = await createTenant();
    const inv = await invite(t);

    expect(await rejection(revokeInvitation(t.agent.ctx, inv.id))).toMatchObject({ code: "forbidden" });
    expect((await prisma.invitation.findUniqueOrThrow({ where: { id: inv.id } })).revokedAt).toBeNull();

    await revokeInvitation(t.admin.ctx, inv.id);
    expect((await prisma.invitation.findUniqueOrThrow({ where: { id: inv.id } })).revokedAt).not.toBeNull();
    expect(await prisma.auditLog.findMany({ where: { workspaceId: t.workspace.id, action: "member.invitation_revoked" } })).toMatchObject([
      { actorId: t.admin.userId, targetId: inv.id },
    ]);
    expect(await rejection(revokeInvitation(t.admin.ctx, inv.id))).toMatchObject({ code: "not_found", messageKey: "invitationNotFound" });
  });

  it("cannot revoke an accepted invitation", async () => {
    const t = await createTenant();
    const inv = await invite(t);
    await acceptInvitation(await person(inv.email), inv.token);
    expect(await rejection(revokeInvitation(t.owner.ctx, inv.id))).toMatchObject({ code: "not_found" });
  });

  it("is scoped by workspace: another workspace's invitation is not found and stays pending", async () => {
    const A = await createTenant("A");
    const B = await createTenant("B");
    expect(await rejection(revokeInvitation(B.owner.ctx, A.invitation.id))).toMatchObject({ code: "not_found", messageKey: "invitationNotFound" });
    expect((await prisma.invitation.findUniqueOrThrow({ where: { id: A.invitation.id } })).revokedAt).toBeNull();
    expect(await prisma.auditLog.count({ where: { workspaceId: B.workspace.id, action: "member.invitation_revoked" } })).toBe(0);
  });
});

describe("invitations never hand out ownership", () => {
  it("refuses an invitation as owner", async () => {
    const t = await createTenant();
    const before = await snapshotWorkspace(t.workspace.id);
    const invite = createInvitation(t.owner.ctx, { email: uniqueEmail("would-be-owner"), role: "owner" as "admin" }, { locale: "en" });
    await expect(invite).rejects.toMatchObject({ code: "forbidden" });
    expect(await snapshotWorkspace(t.workspace.id)).toEqual(before);
  });
});
