/**
 * The authority on "which workspace, as whom": membership is checked in the database on every
 * request. Middleware only gives fast redirects; it is never the security boundary.
 */
import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { prisma } from "@/lib/db";
import type { WorkspaceContext } from "./context";
import { requireUser, type CurrentUser } from "./session";

export interface ResolvedWorkspace {
  ctx: WorkspaceContext;
  workspace: { id: string; name: string; slug: string; defaultCountry: string; timezone: string; mediaRetentionDays: number | null };
}

export async function resolveWorkspace(userId: string, slug: string): Promise<ResolvedWorkspace | null> {
  const membership = await prisma.membership.findFirst({
    where: { userId, workspace: { slug } },
    select: {
      role: true,
      workspace: { select: { id: true, name: true, slug: true, defaultCountry: true, timezone: true, mediaRetentionDays: true } },
    },
  });
  if (!membership) return null;
  return {
    ctx: { workspaceId: membership.workspace.id, userId, role: membership.role },
    workspace: membership.workspace,
  };
}

/** For pages and layouts under /w/[slug]: the member's context, or a 404 for everyone else. */
export const requireWorkspace = cache(async (slug: string): Promise<ResolvedWorkspace & { user: CurrentUser }> => {
  const user = await requireUser();
  const resolved = await resolveWorkspace(user.id, slug);
  if (!resolved) notFound();
  return { ...resolved, user };
});
