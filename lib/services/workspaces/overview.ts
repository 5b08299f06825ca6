import { prisma } from "@/lib/db";
import type { WorkspaceContext } from "@/lib/auth/context";

export function countConnections(ctx: WorkspaceContext): Promise<number> {
  return prisma.whatsappConnection.count({ where: { workspaceId: ctx.workspaceId } });
}
