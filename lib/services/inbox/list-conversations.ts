import { prisma } from "@/lib/db";
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";

export const CONVERSATIONS_PAGE_SIZE = 30;

/** The workspace's conversations, newest activity first (served by the workspace/lastMessageAt index). */
export async function listConversations(ctx: WorkspaceContext) {
  authorize(ctx, "conversation:view");
  return prisma.conversation.findMany({
    where: { workspaceId: ctx.workspaceId },
    orderBy: [{ lastMessageAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
    take: CONVERSATIONS_PAGE_SIZE,
    select: {
      id: true,
      status: true,
      unreadCount: true,
      lastMessagePreview: true,
      lastMessageAt: true,
      assignee: { select: { name: true, email: true } },
      contact: { select: { name: true, profileName: true, phone: true, waId: true } },
    },
  });
}
