/**
 * The workspace's message templates as Meta holds them: every template of the connected WABA
 * (name + language) upserted into Template with its status, category, components and Meta id.
 * Templates are made and reviewed on Meta's side (or, later, from Parley's template builder);
 * this brings a new workspace's existing templates in, and corrects any status webhook we missed.
 * Local drafts (never submitted, no Meta id) are left alone.
 */
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/db";
import { tenantDb } from "@/lib/db/tenant";
import type { TemplateCategory, TemplateStatus } from "@/lib/generated/prisma/enums";
import { logger } from "@/lib/log";
import { publishToWorkspace } from "@/lib/realtime/publish";
import { clientForConnection } from "@/lib/services/whatsapp/client-for";
import { connectionForWorkspace } from "@/lib/services/whatsapp/connection-secrets";

const log = logger("templates.sync");

const CATEGORIES = new Set<string>(["MARKETING", "UTILITY", "AUTHENTICATION"]);
const STATUSES = new Set<string>(["PENDING", "APPROVED", "REJECTED", "PAUSED", "DISABLED", "IN_APPEAL", "PENDING_DELETION", "DELETED", "LIMIT_EXCEEDED"]);

export interface SyncResult {
  /** Templates Meta listed and we stored. */
  synced: number;
  /** Skipped: a category or status we do not model. */
  skipped: number;
}

export async function syncTemplates(ctx: WorkspaceContext): Promise<SyncResult> {
  authorize(ctx, "template:view");
  const connection = await connectionForWorkspace(ctx.workspaceId);
  if (!connection) return { synced: 0, skipped: 0 };
  const templates = await clientForConnection(connection).listTemplates();
  let synced = 0;
  let skipped = 0;
  for (const template of templates) {
    const category = template.category.toUpperCase();
    const status = template.status.toUpperCase();
    if (!CATEGORIES.has(category) || !STATUSES.has(status)) {
      skipped += 1;
      continue;
    }
    const data = {
      connectionId: connection.id,
      category: category as TemplateCategory,
      status: status as TemplateStatus,
      components: template.components as Prisma.InputJsonValue,
      metaId: template.id,
      rejectedReason: status === "REJECTED" ? (template.rejectedReason ?? null) : null,
    };
    const key = { workspaceId_name_language: { workspaceId: ctx.workspaceId, name: template.name, language: template.language } };
    const before = await tenantDb(ctx).template.findUnique({ where: key, select: { status: true } });
    const stored = await tenantDb(ctx).template.upsert({
      where: key,
      create: { workspaceId: ctx.workspaceId, name: template.name, language: template.language, submittedAt: new Date(), ...data },
      update: data,
      select: { id: true, status: true },
    });
    if (before?.status !== stored.status) {
      await publishToWorkspace(ctx.workspaceId, "template.updated", { templateId: stored.id, status: stored.status, at: new Date().toISOString() });
    }
    synced += 1;
  }
  if (skipped > 0) log.info({ workspaceId: ctx.workspaceId, skipped }, "templates with a category or status Parley does not model were skipped");
  return { synced, skipped };
}
