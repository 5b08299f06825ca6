import { tenantDb } from "@/lib/db/tenant";
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/services/audit/record";

export async function updateWorkspace(ctx: WorkspaceContext, input: { name: string; defaultCountry: string; timezone: string }) {
  authorize(ctx, "workspace:update");
  return tenantDb(ctx).$transaction(async (tx) => {
    const workspace = await tx.workspace.update({
      where: { id: ctx.workspaceId },
      data: input,
      select: { id: true, name: true, slug: true, defaultCountry: true, timezone: true },
    });
    await recordAudit(tx, ctx, "workspace.updated", { type: "workspace", id: ctx.workspaceId }, input);
    return workspace;
  });
}
