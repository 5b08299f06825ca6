import { tenantDb } from "@/lib/db/tenant";
import type { WorkspaceContext } from "@/lib/auth/context";

export function countConnections(ctx: WorkspaceContext): Promise<number> {
  return tenantDb(ctx).whatsappConnection.count({ where: { workspaceId: ctx.workspaceId } });
}
