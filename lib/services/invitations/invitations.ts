/**
 * Invitations by email link. The token travels only in the link; we keep its sha256. A link works
 * once, until it expires, and only for the address it was sent to.
 */
import { prisma } from "@/lib/db";
import { tenantDb } from "@/lib/db/tenant";
import type { Role } from "@/lib/generated/prisma/enums";
import type { WorkspaceContext } from "@/lib/auth/context";
import { assignableRoles, authorize } from "@/lib/auth/permissions";
import { randomToken, sha256 } from "@/lib/auth/tokens";
import { AppError, Conflict, Forbidden, NotFound } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record";
import { consumeLimit } from "@/lib/rate-limit";
import { sendEmail } from "@/lib/email/send";
import { translatorFor } from "@/lib/i18n/messages";
import { appUrl } from "@/lib/http/app-url";

export const INVITATION_TTL_DAYS = 7;

/** The link in the email; its origin comes from configuration only (lib/http/app-url.ts), never from the request. */
export function invitationUrl(token: string): string {
  return `${appUrl()}/invite/${encodeURIComponent(token)}`;
}

export async function createInvitation(
  ctx: WorkspaceContext,
  input: { email: string; role: Exclude<Role, "owner"> },
  link: { locale: string },
): Promise<{ id: string; url: string; expiresAt: Date }> {
  authorize(ctx, "member:invite");
  if (!assignableRoles(ctx.role).includes(input.role)) throw Forbidden();
  const existingMember = await tenantDb(ctx).membership.findFirst({
    where: { workspaceId: ctx.workspaceId, user: { email: input.email } },
    select: { id: true },
  });
  if (existingMember) throw Conflict("alreadyMember", { field: "email" });
  // Each invitation sends an email from our domain: limited per inviter and per workspace.
  await consumeLimit("invitation:member", `${ctx.workspaceId}:${ctx.userId}`);
  await consumeLimit("invitation:workspace", ctx.workspaceId);

  const token = randomToken();
  const expiresAt = new Date(Date.now() + INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000);
  const { invitation, workspace, inviter } = await tenantDb(ctx).$transaction(async (tx) => {
    // A new invitation replaces any pending one for the same address: only the latest link works.
    await tx.invitation.updateMany({
      where: { workspaceId: ctx.workspaceId, email: input.email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const invitation = await tx.invitation.create({
      data: {
        workspaceId: ctx.workspaceId,
        email: input.email,
        role: input.role,
        tokenHash: sha256(token),
        invitedById: ctx.userId,
        expiresAt,
      },
    });
    await recordAudit(tx, ctx, "member.invited", { type: "invitation", id: invitation.id }, { email: input.email, role: input.role });
    const workspace = await tx.workspace.findUniqueOrThrow({ where: { id: ctx.workspaceId }, select: { name: true } });
    const inviter = await tx.user.findUniqueOrThrow({ where: { id: ctx.userId }, select: { name: true, email: true } });
    return { invitation, workspace, inviter };
  });

  const url = invitationUrl(token);
  const t = translatorFor(link.locale);
  await sendEmail({
    to: input.email,
    subject: t("email.invitation.subject", { workspace: workspace.name }),
    text: t("email.invitation.body", { inviter: inviter.name ?? inviter.email, workspace: workspace.name, url, days: INVITATION_TTL_DAYS }),
  });
  return { id: invitation.id, url, expiresAt };
}

export async function listPendingInvitations(ctx: WorkspaceContext) {
  authorize(ctx, "member:view");
  return tenantDb(ctx).invitation.findMany({
    where: { workspaceId: ctx.workspaceId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
}

export async function revokeInvitation(ctx: WorkspaceContext, invitationId: string) {
  authorize(ctx, "member:invite");
  const { count } = await tenantDb(ctx).invitation.updateMany({
    where: { id: invitationId, workspaceId: ctx.workspaceId, acceptedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw NotFound("invitationNotFound");
  await recordAudit(tenantDb(ctx), ctx, "member.invitation_revoked", { type: "invitation", id: invitationId });
}

export type InvitationState = "valid" | "expired" | "used" | "revoked";

/** What the invitation page shows before anyone signs in. Unknown tokens give null. */
export async function previewInvitation(token: string) {
  const invitation = await prisma.invitation.findUnique({
    where: { tokenHash: sha256(token) },
    select: {
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      workspace: { select: { name: true, slug: true } },
      invitedBy: { select: { name: true, email: true } },
    },
  });
  if (!invitation) return null;
  const state: InvitationState = invitation.acceptedAt
    ? "used"
    : invitation.revokedAt
      ? "revoked"
      : invitation.expiresAt <= new Date()
        ? "expired"
        : "valid";
  return {
    email: invitation.email,
    role: invitation.role,
    state,
    workspaceName: invitation.workspace.name,
    inviterName: invitation.invitedBy?.name ?? invitation.invitedBy?.email ?? null,
  };
}

/**
 * Joins the user to the invitation's workspace; returns its slug. The token is looked up across
 * workspaces (it is what names the workspace); the writes then go through that workspace's client.
 */
export async function acceptInvitation(user: { id: string; email: string }, token: string): Promise<{ slug: string }> {
  const invitation = await prisma.invitation.findUnique({
    where: { tokenHash: sha256(token) },
    include: { workspace: { select: { slug: true } } },
  });
  if (!invitation || invitation.revokedAt) throw NotFound("invitationNotFound");
  if (invitation.acceptedAt) throw new AppError("gone", "invitationUsed");
  if (invitation.expiresAt <= new Date()) throw new AppError("gone", "invitationExpired");
  if (invitation.email !== user.email.toLowerCase()) {
    throw new AppError("forbidden", "invitationEmailMismatch", { params: { email: invitation.email } });
  }
  const joined = { workspaceId: invitation.workspaceId, userId: user.id, role: invitation.role };
  return tenantDb(joined).$transaction(async (tx) => {
    // Single use even under a double submit: only one transaction flips acceptedAt from null,
    // and only while the invitation is still live (revoked or expired since the read above: gone).
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count === 0) throw new AppError("gone", "invitationUsed");
    await tx.membership.upsert({
      where: { workspaceId_userId: { workspaceId: invitation.workspaceId, userId: user.id } },
      create: { workspaceId: invitation.workspaceId, userId: user.id, role: invitation.role },
      update: {},
    });
    await recordAudit(tx, joined, "member.joined", { type: "invitation", id: invitation.id });
    return { slug: invitation.workspace.slug };
  });
}
