import { tenantDb, type TenantScope } from "@/lib/db/tenant";
import type { FilterContext } from "./to-where";

/** What compiling a filter needs of the workspace: its id, and its time zone for calendar days. */
export async function workspaceFilterContext(ctx: TenantScope, now = new Date()): Promise<FilterContext> {
  const workspace = await tenantDb(ctx).workspace.findFirst({ where: { id: ctx.workspaceId }, select: { timezone: true } });
  return { workspaceId: ctx.workspaceId, timeZone: workspace?.timezone ?? "UTC", now };
}
