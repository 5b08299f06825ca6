/**
 * The report's recipient list (any member): a campaign's recipients by status (or those who
 * replied or clicked), in pages read by keyset on the id (`nextCursor` is the last id).
 */
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/db";
import { tenantDb } from "@/lib/db/tenant";
import type { RecipientStatus } from "@/lib/generated/prisma/enums";
import { findCampaign } from "./shared";
import type { RecipientRow } from "./types";

export type RecipientFilter = RecipientStatus | "replied" | "clicked";

export const RECIPIENT_PAGE_DEFAULT = 50;
export const RECIPIENT_PAGE_MAX = 200;

export const RECIPIENT_SELECT = {
  id: true,
  contactId: true,
  phone: true,
  status: true,
  skipReason: true,
  errorCode: true,
  error: true,
  sentAt: true,
  deliveredAt: true,
  readAt: true,
  repliedAt: true,
  clickedAt: true,
  failedAt: true,
  contact: { select: { name: true, profileName: true } },
} as const satisfies Prisma.CampaignRecipientSelect;

type RecipientRecord = Prisma.CampaignRecipientGetPayload<{ select: typeof RECIPIENT_SELECT }>;

export function toRecipientRow(record: RecipientRecord): RecipientRow {
  const { contact, ...rest } = record;
  return { ...rest, contactName: contact.name ?? contact.profileName };
}

export function recipientFilterWhere(filter: RecipientFilter | undefined): Prisma.CampaignRecipientWhereInput {
  if (!filter) return {};
  if (filter === "replied") return { repliedAt: { not: null } };
  if (filter === "clicked") return { clickedAt: { not: null } };
  return { status: filter };
}

export async function listCampaignRecipients(
  ctx: WorkspaceContext,
  input: { campaignId: string; status?: RecipientFilter; cursor?: string; limit?: number },
): Promise<{ rows: RecipientRow[]; nextCursor: string | null }> {
  authorize(ctx, "campaign:view");
  const db = tenantDb(ctx);
  const campaign = await findCampaign(db, input.campaignId, { id: true });
  const limit = Math.min(Math.max(Math.trunc(input.limit ?? RECIPIENT_PAGE_DEFAULT), 1), RECIPIENT_PAGE_MAX);
  const rows = await db.campaignRecipient.findMany({
    where: {
      campaignId: campaign.id,
      workspaceId: ctx.workspaceId,
      ...recipientFilterWhere(input.status),
      ...(input.cursor ? { id: { gt: input.cursor } } : {}),
    },
    orderBy: { id: "asc" },
    take: limit + 1,
    select: RECIPIENT_SELECT,
  });
  const page = rows.slice(0, limit);
  return { rows: page.map(toRecipientRow), nextCursor: rows.length > limit ? page[page.length - 1]!.id : null };
}
