"use server";

import { revalidatePath } from "next/cache";
import { userAction, workspaceAction } from "@/lib/actions/client";
import { changeMemberRole, leaveWorkspace, removeMember, transferOwnership } from "@/lib/services/members/members";
import { acceptInvitation, createInvitation, revokeInvitation } from "@/lib/services/invitations/invitations";
import {
  acceptInvitationSchema,
  changeRoleSchema,
  invitationTargetSchema,
  inviteSchema,
  memberTargetSchema,
  slugParam,
} from "@/lib/validation/workspace";
import { resolveRequestLocale } from "@/lib/i18n/request";
import { z } from "zod";

const membersPage = (slug: string) => revalidatePath(`/w/${slug}/settings/members`);

export const inviteMemberAction = workspaceAction.inputSchema(inviteSchema).action(async ({ parsedInput, ctx }) => {
  const invitation = await createInvitation(
    ctx.workspace,
    { email: parsedInput.email, role: parsedInput.role },
    { locale: await resolveRequestLocale() },
  );
  membersPage(parsedInput.slug);
  return { url: invitation.url, email: parsedInput.email };
});

export const revokeInvitationAction = workspaceAction.inputSchema(invitationTargetSchema).action(async ({ parsedInput, ctx }) => {
  await revokeInvitation(ctx.workspace, parsedInput.invitationId);
  membersPage(parsedInput.slug);
});

export const changeRoleAction = workspaceAction.inputSchema(changeRoleSchema).action(async ({ parsedInput, ctx }) => {
  await changeMemberRole(ctx.workspace, parsedInput.membershipId, parsedInput.role);
  membersPage(parsedInput.slug);
});

export const removeMemberAction = workspaceAction.inputSchema(memberTargetSchema).action(async ({ parsedInput, ctx }) => {
  await removeMember(ctx.workspace, parsedInput.membershipId);
  membersPage(parsedInput.slug);
});

export const transferOwnershipAction = workspaceAction.inputSchema(memberTargetSchema).action(async ({ parsedInput, ctx }) => {
  await transferOwnership(ctx.workspace, parsedInput.membershipId);
  membersPage(parsedInput.slug);
});

export const leaveWorkspaceAction = workspaceAction.inputSchema(z.object({ slug: slugParam })).action(async ({ ctx }) => {
  await leaveWorkspace(ctx.workspace);
  return { redirectTo: "/" };
});

export const acceptInvitationAction = userAction.inputSchema(acceptInvitationSchema).action(async ({ parsedInput, ctx }) => {
  const { slug } = await acceptInvitation(ctx.user, parsedInput.token);
  return { redirectTo: `/w/${slug}/inbox` };
});
