/**
 * What the campaign services share: the row as the list shows it, the detail the builder reads,
 * and the campaign found in the caller's workspace (another workspace's id: not found).
 */
import type { Prisma } from "@/lib/db";
import type { TenantDb } from "@/lib/db/tenant";
import { NotFound } from "@/lib/errors";
import { storedAudience } from "@/lib/campaigns/audience";
import { storedAutoRetry } from "@/lib/campaigns/auto-retry";
import { storedMapping } from "@/lib/campaigns/mapping";
import type { CampaignDetail, CampaignRow } from "./types";

export const CAMPAIGN_ROW_SELECT = {
  id: true,
  name: true,
  status: true,
  scheduledAt: true,
  startedAt: true,
  completedAt: true,
  createdAt: true,
  totalCount: true,
  sentCount: true,
  deliveredCount: true,
  readCount: true,
  repliedCount: true,
  clickedCount: true,
  failedCount: true,
  skippedCount: true,
  template: { select: { name: true, language: true } },
} as const satisfies Prisma.CampaignSelect;

export const CAMPAIGN_DETAIL_SELECT = {
  ...CAMPAIGN_ROW_SELECT,
  templateId: true,
  connectionId: true,
  audience: true,
  variableMapping: true,
  replyWindowHours: true,
  autoRetry: true,
  statusReason: true,
  exclusions: true,
  launchVersion: true,
} as const satisfies Prisma.CampaignSelect;

type RowRecord = Prisma.CampaignGetPayload<{ select: typeof CAMPAIGN_ROW_SELECT }>;
type DetailRecord = Prisma.CampaignGetPayload<{ select: typeof CAMPAIGN_DETAIL_SELECT }>;

export function toCampaignRow(record: RowRecord): CampaignRow {
  const { template, ...rest } = record;
  return {
    id: rest.id,
    name: rest.name,
    status: rest.status,
    templateName: template?.name ?? null,
    templateLanguage: template?.language ?? null,
    scheduledAt: rest.scheduledAt,
    startedAt: rest.startedAt,
    completedAt: rest.completedAt,
    createdAt: rest.createdAt,
    totalCount: rest.totalCount,
    sentCount: rest.sentCount,
    deliveredCount: rest.deliveredCount,
    readCount: rest.readCount,
    repliedCount: rest.repliedCount,
    clickedCount: rest.clickedCount,
    failedCount: rest.failedCount,
    skippedCount: rest.skippedCount,
  };
}

function statusReasonOf(value: Prisma.JsonValue): CampaignDetail["statusReason"] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const { code, message, at } = value as Record<string, unknown>;
  if ((typeof code !== "string" && typeof code !== "number") || typeof message !== "string") return null;
  return { code, message, at: typeof at === "string" ? at : "" };
}

function exclusionsOf(value: Prisma.JsonValue): Record<string, number> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, number] => typeof entry[1] === "number"));
}

export function toCampaignDetail(record: DetailRecord, pendingCount: number): CampaignDetail {
  return {
    ...toCampaignRow(record),
    templateId: record.templateId,
    connectionId: record.connectionId,
    audience: storedAudience(record.audience),
    variableMapping: storedMapping(record.variableMapping),
    replyWindowHours: record.replyWindowHours,
    autoRetry: storedAutoRetry(record.autoRetry),
    statusReason: statusReasonOf(record.statusReason),
    exclusions: exclusionsOf(record.exclusions),
    pendingCount,
    launchVersion: record.launchVersion,
  };
}

/** The campaign by id through the caller's scoped client; another workspace's id is not found. */
export async function findCampaign<S extends Prisma.CampaignSelect>(db: TenantDb, campaignId: string, select: S): Promise<Prisma.CampaignGetPayload<{ select: S }>> {
  const campaign = await db.campaign.findFirst({ where: { id: campaignId }, select });
  if (!campaign) throw NotFound("campaignNotFound");
  return campaign as Prisma.CampaignGetPayload<{ select: S }>;
}
