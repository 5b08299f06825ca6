import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireWorkspace } from "@/lib/auth/workspace";
import { can, assignableRoles } from "@/lib/auth/permissions";
import { listMembers } from "@/lib/services/members/members";
import { listPendingInvitations } from "@/lib/services/invitations/invitations";
import { MembersManager } from "@/components/workspace/members-manager";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("members") };
}

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { ctx } = await requireWorkspace(slug);
  const [members, invitations] = await Promise.all([listMembers(ctx), listPendingInvitations(ctx)]);
  return (
    <MembersManager
      slug={slug}
      currentUserId={ctx.userId}
      role={ctx.role}
      permissions={{
        invite: can(ctx.role, "member:invite"),
        changeRole: can(ctx.role, "member:change_role"),
        remove: can(ctx.role, "member:remove"),
        transfer: can(ctx.role, "ownership:transfer"),
      }}
      assignableRoles={assignableRoles(ctx.role)}
      members={members.map((m) => ({ id: m.id, role: m.role, userId: m.user.id, name: m.user.name, email: m.user.email }))}
      invitations={invitations.map((i) => ({ id: i.id, email: i.email, role: i.role, expiresAt: i.expiresAt.toISOString() }))}
    />
  );
}
