/**
 * Saves the builder's campaign: a new draft, or an edit of a draft or scheduled one (anything
 * further along is not editable: Conflict). The audience and mapping are checked against their
 * schemas; the template and number must be the workspace's. Nothing is written when a check fails.
 */
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { Prisma } from "@/lib/db";
import { tenantDb } from "@/lib/db/tenant";
import { Conflict, Invalid, NotFound } from "@/lib/errors";
import { audienceSchema } from "@/lib/campaigns/audience";
import { autoRetrySchema } from "@/lib/campaigns/auto-retry";
import { variableMappingSchema } from "@/lib/campaigns/mapping";
import { findCampaign } from "./shared";
import type { SaveCampaignInput } from "./types";

export const CAMPAIGN_NAME_MAX = 120;
const EDITABLE = new Set(["draft", "scheduled"]);

export async function saveCampaignDraft(ctx: WorkspaceContext, input: SaveCampaignInput): Promise<{ id: string }> {
  authorize(ctx, "campaign:launch");
  const name = input.name.trim();
  if (!name) throw Invalid("campaignNameRequired", { field: "name" });
  if (name.length > CAMPAIGN_NAME_MAX) throw Invalid("campaignNameTooLong", { field: "name", params: { max: CAMPAIGN_NAME_MAX } });
  const audience = audienceSchema.safeParse(input.audience);
  if (!audience.success) throw Invalid("campaignAudienceInvalid", { field: "audience" });
  const mapping = variableMappingSchema.safeParse(input.variableMapping);
  if (!mapping.success) throw Invalid(mapping.error.issues[0]?.message.startsWith("campaign") ? mapping.error.issues[0].message : "campaignMappingInvalid", { field: "variableMapping" });
  const replyWindowHours = input.replyWindowHours ?? 72;
  if (!Number.isInteger(replyWindowHours) || replyWindowHours < 1 || replyWindowHours > 720) throw Invalid("campaignReplyWindowInvalid", { field: "replyWindowHours" });

  const autoRetry = autoRetrySchema.nullable().optional().safeParse(input.autoRetry);
  if (!autoRetry.success) throw Invalid("campaignAutoRetryInvalid", { field: "autoRetry" });

  const db = tenantDb(ctx);
  if (input.templateId) {
    const template = await db.template.findFirst({ where: { id: input.templateId, workspaceId: ctx.workspaceId }, select: { id: true } });
    if (!template) throw NotFound("templateNotFound");
  }
  if (input.connectionId) {
    const connection = await db.whatsappConnection.findFirst({ where: { id: input.connectionId, workspaceId: ctx.workspaceId }, select: { id: true } });
    if (!connection) throw NotFound("notConnected");
  }
  const data = {
    name,
    templateId: input.templateId,
    connectionId: input.connectionId,
    audience: audience.data as unknown as Prisma.InputJsonObject,
    variableMapping: mapping.data as Prisma.InputJsonObject,
    replyWindowHours,
    ...(autoRetry.data === undefined ? {} : { autoRetry: autoRetry.data === null ? Prisma.DbNull : (autoRetry.data as Prisma.InputJsonObject) }),
  };
  if (!input.campaignId) {
    const created = await db.campaign.create({ data: { workspaceId: ctx.workspaceId, createdById: ctx.userId, ...data }, select: { id: true } });
    return created;
  }
  const current = await findCampaign(db, input.campaignId, { id: true, status: true });
  if (!EDITABLE.has(current.status)) throw Conflict("campaignNotEditable", { params: { status: current.status } });
  // Conditional on the status read: a launch that started meanwhile is not edited under it.
  const updated = await db.campaign.updateMany({ where: { id: current.id, workspaceId: ctx.workspaceId, status: { in: ["draft", "scheduled"] } }, data });
  if (updated.count !== 1) throw Conflict("campaignNotEditable", { params: { status: "sending" } });
  return { id: current.id };
}
