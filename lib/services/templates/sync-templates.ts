/**
 * The workspace's message templates as Meta holds them: every template of the connected WABA
 * (name + language) upserted into Template with its status, category, components, Meta id,
 * quality rating and parameter format. This brings a new workspace's existing templates in, and
 * corrects any webhook we missed. Local drafts (never submitted) are left alone; a stored builder
 * draft is kept while Meta's content is still what it describes, and dropped when the template was
 * changed on Meta's side (then the builder reads Meta's components back).
 *
 * `syncTemplates(ctx)` is the "sync now" of the page (any member: it only reads Meta);
 * `syncAllTemplates()` is the scheduled task's, for every workspace with a connection.
 */
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { Prisma, prisma } from "@/lib/db";
import { tenantDb, type TenantScope } from "@/lib/db/tenant";
import type { TemplateQuality } from "@/lib/generated/prisma/enums";
import { logger } from "@/lib/log";
import { clientForConnection } from "@/lib/services/whatsapp/client-for";
import { connectionForWorkspace } from "@/lib/services/whatsapp/connection-secrets";
import { componentsToDraft } from "@/lib/templates/components";
import type { MessageTemplate } from "@/lib/whatsapp/templates/api";
import { categoryFromMeta, statusFromMeta } from "./rules";
import { publishTemplate } from "./shared";

const log = logger("templates.sync");

const QUALITIES = new Set<string>(["GREEN", "YELLOW", "RED", "UNKNOWN"]);
const WITH_REASON = new Set<string>(["REJECTED", "PAUSED", "DISABLED"]);

export interface SyncResult {
  /** Templates Meta listed and we stored. */
  synced: number;
  /** Skipped: a category or status we do not model. */
  skipped: number;
}

/** What a template says, without media handles (Meta answers with a URL where we sent a handle). */
function contentOf(components: unknown): string {
  const draft = componentsToDraft({ name: "", language: "", category: "MARKETING", components });
  const header = "sample" in draft.header ? { ...draft.header, sample: null } : draft.header;
  const cards = draft.carousel?.cards.map((card) => ({ ...card, header: { ...card.header, sample: null } })) ?? null;
  return JSON.stringify({ ...draft, category: "", header, carousel: cards });
}

function qualityOf(template: MessageTemplate): TemplateQuality | null {
  const score = template.qualityScore?.toUpperCase();
  return score ? ((QUALITIES.has(score) ? score : "UNKNOWN") as TemplateQuality) : null;
}

async function syncWorkspace(scope: TenantScope): Promise<SyncResult> {
  const connection = await connectionForWorkspace(scope.workspaceId);
  if (!connection) return { synced: 0, skipped: 0 };
  const templates = await clientForConnection(connection).listTemplates();
  const db = tenantDb(scope);
  const now = new Date();
  let synced = 0;
  let skipped = 0;
  for (const template of templates) {
    const category = categoryFromMeta(template.category);
    const status = statusFromMeta(template.status);
    if (!category || !status) {
      skipped += 1;
      continue;
    }
    const qualityScore = qualityOf(template);
    const key = { workspaceId_name_language: { workspaceId: scope.workspaceId, name: template.name, language: template.language } };
    const before = await db.template.findUnique({
      where: key,
      select: { status: true, qualityScore: true, category: true, components: true, draft: true, metaId: true },
    });
    const data = {
      connectionId: connection.id,
      category,
      status,
      components: template.components as Prisma.InputJsonValue,
      metaId: template.id,
      parameterFormat: template.parameterFormat?.toUpperCase() === "NAMED" ? ("NAMED" as const) : ("POSITIONAL" as const),
      rejectedReason: WITH_REASON.has(status) ? (template.rejectedReason ?? null) : null,
      syncedAt: now,
      ...(qualityScore && qualityScore !== before?.qualityScore ? { qualityScore, qualityUpdatedAt: now } : {}),
      // Edited in Meta's manager since: the stored draft no longer describes the template.
      ...(before?.draft != null && contentOf(before.components) !== contentOf(template.components) ? { draft: Prisma.DbNull } : {}),
    };
    const stored = await db.template.upsert({
      where: key,
      create: { workspaceId: scope.workspaceId, name: template.name, language: template.language, submittedAt: now, ...data },
      update: data,
      select: { id: true, status: true, qualityScore: true, category: true },
    });
    if (before?.status !== stored.status || before.qualityScore !== stored.qualityScore || before.category !== stored.category) {
      await publishTemplate(scope, stored);
    }
    synced += 1;
  }
  if (skipped > 0)
    log.info({ workspaceId: scope.workspaceId, skipped }, "templates with a category or status Parley does not model were skipped");
  return { synced, skipped };
}

export async function syncTemplates(ctx: WorkspaceContext): Promise<SyncResult> {
  authorize(ctx, "template:view");
  return syncWorkspace(ctx);
}

export interface SyncAllResult extends SyncResult {
  workspaces: number;
  /** Workspaces whose sync failed (Meta unreachable, token refused): logged, retried next run. */
  failed: number;
  /** True when the deadline stopped the run before every workspace was synced. */
  incomplete: boolean;
}

/** Every workspace with a WhatsApp connection, one after the other; one failing never stops the rest. */
export async function syncAllTemplates(options: { deadline?: Date } = {}): Promise<SyncAllResult> {
  const connected = await prisma.whatsappConnection.findMany({
    distinct: ["workspaceId"],
    select: { workspaceId: true },
    orderBy: { workspaceId: "asc" },
  });
  const result: SyncAllResult = { workspaces: connected.length, synced: 0, skipped: 0, failed: 0, incomplete: false };
  for (const { workspaceId } of connected) {
    if (options.deadline && Date.now() > options.deadline.getTime()) {
      result.incomplete = true;
      break;
    }
    try {
      const one = await syncWorkspace({ workspaceId });
      result.synced += one.synced;
      result.skipped += one.skipped;
    } catch (error) {
      result.failed += 1;
      log.warn({ workspaceId, err: error }, "scheduled template sync failed for a workspace");
    }
  }
  if (result.failed > 0 || result.incomplete) log.info(result, "scheduled template sync finished with workspaces left");
  return result;
}
