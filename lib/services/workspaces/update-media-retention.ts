/**
 * How long the workspace keeps customer media: a number of days (the daily clean-up deletes older
 * media's bytes, lib/services/media/retention) or null to keep them forever.
 */
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { tenantDb } from "@/lib/db/tenant";
import { Invalid } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record";
import { MEDIA_RETENTION_MAX_DAYS, MEDIA_RETENTION_MIN_DAYS } from "@/lib/validation/workspace";

export async function updateMediaRetention(ctx: WorkspaceContext, days: number | null): Promise<{ mediaRetentionDays: number | null }> {
  authorize(ctx, "workspace:update");
  if (days !== null && (!Number.isInteger(days) || days < MEDIA_RETENTION_MIN_DAYS || days > MEDIA_RETENTION_MAX_DAYS)) {
    throw Invalid("mediaRetentionInvalid", {
      field: "mediaRetentionDays",
      params: { min: MEDIA_RETENTION_MIN_DAYS, max: MEDIA_RETENTION_MAX_DAYS },
    });
  }
  return tenantDb(ctx).$transaction(async (tx) => {
    const workspace = await tx.workspace.update({
      where: { id: ctx.workspaceId },
      data: { mediaRetentionDays: days },
      select: { mediaRetentionDays: true },
    });
    await recordAudit(
      tx,
      ctx,
      "workspace.media_retention_updated",
      { type: "workspace", id: ctx.workspaceId },
      { mediaRetentionDays: days },
    );
    return workspace;
  });
}
