/** The templates page: every template of the workspace (drafts included), filtered and searched. */
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/db";
import { tenantDb } from "@/lib/db/tenant";
import type { TemplateCategory, TemplateQuality, TemplateStatus } from "@/lib/generated/prisma/enums";
import { TEMPLATE_ROW_SELECT, toTemplateRow, type TemplateRow } from "./shared";

export interface TemplateFilters {
  /** Part of the name, any case. */
  search?: string;
  status?: TemplateStatus;
  category?: TemplateCategory;
  language?: string;
  quality?: TemplateQuality;
}

/** At most this many rows: a WABA holds up to 250 templates per name × languages; 2,000 is plenty. */
const LIMIT = 2_000;

export async function listTemplates(ctx: WorkspaceContext, filters: TemplateFilters = {}): Promise<TemplateRow[]> {
  authorize(ctx, "template:view");
  const search = filters.search?.trim();
  const where: Prisma.TemplateWhereInput = {
    workspaceId: ctx.workspaceId,
    ...(search ? { name: { contains: search, mode: "insensitive" } } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.category ? { category: filters.category } : {}),
    ...(filters.language ? { language: filters.language } : {}),
    ...(filters.quality ? { qualityScore: filters.quality } : {}),
  };
  const rows = await tenantDb(ctx).template.findMany({
    where,
    orderBy: [{ name: "asc" }, { language: "asc" }],
    take: LIMIT,
    select: TEMPLATE_ROW_SELECT,
  });
  return rows.map(toTemplateRow);
}
