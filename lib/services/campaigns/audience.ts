/**
 * A campaign's audience against the contacts table: which contacts it matches (a Prisma where,
 * segments compiled from their stored filters), and for each one whether a launch sends to it or
 * skips it and why. The rule lives once, as SQL (`skipReasonSql`): the live count of the builder
 * and the launch's INSERT … SELECT read the same expression, so the numbers shown before launch are
 * the numbers the launch records.
 */
import { Prisma, prisma } from "@/lib/db";
import { tenantDb, type TenantScope } from "@/lib/db/tenant";
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { NotFound } from "@/lib/errors";
import type { SkipReason } from "@/lib/generated/prisma/enums";
import { contactFilterSchema } from "@/lib/services/contacts/filter/schema";
import { filterWhere } from "@/lib/services/contacts/filter/to-where";
import { workspaceFilterContext } from "@/lib/services/contacts/filter/context";
import { sqlName, sqlTimestamp } from "@/lib/services/webhooks/sql";
import { type Audience, type AudienceCount, isEmptyAudience, SKIP_REASONS } from "@/lib/campaigns/audience";

/** The contacts an audience matches now, as a where inside the workspace. */
export async function audienceWhere(scope: TenantScope, audience: Audience): Promise<Prisma.ContactWhereInput> {
  if (isEmptyAudience(audience)) return { workspaceId: scope.workspaceId, id: { in: [] } };
  if (audience.everyone) return { workspaceId: scope.workspaceId };
  const parts: Prisma.ContactWhereInput[] = [];
  const groupIds = [...audience.groupIds, ...(audience.upload ? [audience.upload.groupId] : [])];
  if (groupIds.length > 0) parts.push({ groups: { some: { groupId: { in: groupIds } } } });
  if (audience.tagIds.length > 0) parts.push({ tags: { some: { tagId: { in: audience.tagIds } } } });
  if (audience.segmentIds.length > 0) {
    const segments = await tenantDb(scope).segment.findMany({ where: { workspaceId: scope.workspaceId, id: { in: audience.segmentIds } }, select: { id: true, filter: true } });
    if (segments.length < new Set(audience.segmentIds).size) throw NotFound("segmentNotFound");
    const context = await workspaceFilterContext(scope);
    for (const segment of segments) {
      const filter = contactFilterSchema.safeParse(segment.filter);
      // A stored filter that no longer parses matches nobody here (never "everyone", as a contacts page would).
      if (filter.success) parts.push(filterWhere(filter.data, context));
    }
  }
  return { workspaceId: scope.workspaceId, OR: parts.length > 0 ? parts : [{ id: { in: [] } }] };
}

/** Every matched contact's id (ordered, so a launch's rows come in a stable order). */
export async function audienceContactIds(scope: TenantScope, audience: Audience): Promise<string[]> {
  const rows = await tenantDb(scope).contact.findMany({ where: await audienceWhere(scope, audience), select: { id: true }, orderBy: { id: "asc" } });
  return rows.map((row) => row.id);
}

export interface SkipRules {
  workspaceId: string;
  /** The template is MARKETING: the workspace's frequency cap applies. */
  marketing: boolean;
  /** At most one marketing campaign message per contact within this many hours; null: no cap. */
  capHours: number | null;
  /** Sends of this campaign do not count against its own cap (a retry run). */
  campaignId: string | null;
  now: Date;
}

/**
 * The skip reason of the contact row aliased `c`, or NULL to send: no number, opted out,
 * suppressed, then capped (a marketing campaign message sent to it within the cap).
 */
export function skipReasonSql(rules: SkipRules): Prisma.Sql {
  const capped =
    rules.marketing && rules.capHours !== null && rules.capHours > 0
      ? Prisma.sql`WHEN EXISTS (
          SELECT 1 FROM ${sqlName("CampaignRecipient")} r
          JOIN ${sqlName("Campaign")} k ON k.id = r."campaignId"
          JOIN ${sqlName("Template")} t ON t.id = k."templateId"
          WHERE r."contactId" = c.id AND r."sentAt" > ${sqlTimestamp(new Date(rules.now.getTime() - rules.capHours * 3_600_000))}
            AND r."workspaceId" = ${rules.workspaceId} AND t.category = 'MARKETING'
            ${rules.campaignId ? Prisma.sql`AND r."campaignId" <> ${rules.campaignId}` : Prisma.empty}
        ) THEN CAST('frequency_capped' AS ${sqlName("SkipReason")})`
      : Prisma.empty;
  const reason = (name: string) => Prisma.sql`CAST(${name} AS ${sqlName("SkipReason")})`;
  return Prisma.sql`CASE
    WHEN c.phone IS NULL THEN ${reason("no_phone")}
    WHEN c."optedOutAt" IS NOT NULL THEN ${reason("opted_out")}
    WHEN c."suppressedAt" IS NOT NULL THEN ${reason("suppressed")}
    ${capped}
    ELSE NULL END`;
}

/** The workspace's cap and the template's category, as the skip rules need them. */
export async function skipRulesFor(scope: TenantScope, templateId: string | null, campaignId: string | null, now = new Date()): Promise<SkipRules> {
  const db = tenantDb(scope);
  const [workspace, template] = await Promise.all([
    db.workspace.findFirst({ where: { id: scope.workspaceId }, select: { marketingCapHours: true } }),
    templateId ? db.template.findFirst({ where: { id: templateId, workspaceId: scope.workspaceId }, select: { category: true } }) : null,
  ]);
  return { workspaceId: scope.workspaceId, marketing: template?.category === "MARKETING", capHours: workspace?.marketingCapHours ?? null, campaignId, now };
}

const WINDOW_MS = 24 * 3_600_000;

/**
 * The builder's live count: matched contacts, those a launch would send to, the rest by reason
 * (an uploaded list's unreadable and repeated rows as "no_phone" and "duplicate"), and how many
 * of the eligible are outside a customer-service window (Meta's messaging limit counts those).
 */
export async function countAudience(ctx: WorkspaceContext, input: { audience: Audience; templateId: string | null; campaignId?: string | null }): Promise<AudienceCount> {
  authorize(ctx, "campaign:view");
  const now = new Date();
  const ids = await audienceContactIds(ctx, input.audience);
  const rules = await skipRulesFor(ctx, input.templateId, input.campaignId ?? null, now);
  // Raw SQL over the ids just read inside the workspace; the statement names the workspace again.
  const rows = await prisma.$queryRaw<{ reason: SkipReason | null; outside: boolean; n: bigint }[]>`
    SELECT ${skipReasonSql(rules)}::text AS reason,
           (c."lastInboundAt" IS NULL OR c."lastInboundAt" < ${sqlTimestamp(new Date(now.getTime() - WINDOW_MS))}) AS outside,
           count(*) AS n
    FROM ${sqlName("Contact")} c
    WHERE c.id = ANY(${ids}::text[]) AND c."workspaceId" = ${ctx.workspaceId}
    GROUP BY 1, 2`;
  const excluded = Object.fromEntries(SKIP_REASONS.map((reason) => [reason, 0])) as Record<SkipReason, number>;
  let eligible = 0;
  let outsideWindow = 0;
  for (const row of rows) {
    const n = Number(row.n);
    if (row.reason) excluded[row.reason] += n;
    else {
      eligible += n;
      if (row.outside) outsideWindow += n;
    }
  }
  if (input.audience.upload) {
    excluded.no_phone += input.audience.upload.invalid;
    excluded.duplicate += input.audience.upload.duplicates;
  }
  return { matched: ids.length, eligible, excluded, outsideWindow };
}
