import type { Prisma } from "@/lib/generated/prisma/client";
import type { WorkspaceContext } from "@/lib/auth/context";
import type { TenantTx } from "@/lib/db/tenant";

/** A workspace-scoped client or transaction (lib/db/tenant.ts): an audit row is the workspace's. */
type Db = Pick<TenantTx, "auditLog">;

/** Appends to the workspace's audit log, inside the caller's transaction when given one. */
export async function recordAudit(
  db: Db,
  ctx: WorkspaceContext,
  action: string,
  target?: { type: string; id: string },
  metadata: Prisma.InputJsonObject = {},
): Promise<void> {
  await db.auditLog.create({
    data: { workspaceId: ctx.workspaceId, actorId: ctx.userId, action, targetType: target?.type, targetId: target?.id, metadata },
  });
}
