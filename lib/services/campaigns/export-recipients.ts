/**
 * A campaign's recipients as CSV (any member), read in keyset batches on the id so a large
 * campaign streams out without being in memory at once. Papaparse, as the contacts export.
 */
import Papa from "papaparse";
import type { WorkspaceContext } from "@/lib/auth/context";
import { authorize } from "@/lib/auth/permissions";
import { tenantDb } from "@/lib/db/tenant";
import { RECIPIENT_SELECT, toRecipientRow } from "./list-recipients";
import { findCampaign } from "./shared";

const BATCH = 1_000;
const iso = (date: Date | null) => (date ? date.toISOString() : "");
/** Formula-looking cells are prefixed with ' so a spreadsheet shows them as text. */
const safe = (value: string) => (/^[=+\-@]/.test(value) ? `'${value}` : value);

export async function exportCampaignRecipients(ctx: WorkspaceContext, campaignId: string): Promise<{ filename: string; total: number; chunks: AsyncGenerator<string> }> {
  authorize(ctx, "campaign:view");
  const db = tenantDb(ctx);
  const campaign = await findCampaign(db, campaignId, { id: true, name: true, totalCount: true });
  const header = ["name", "phone", "status", "skip_reason", "error_code", "error", "sent_at", "delivered_at", "read_at", "replied_at", "clicked_at", "failed_at"];
  async function* chunks(): AsyncGenerator<string> {
    yield `\uFEFF${Papa.unparse([header])}\r\n`;
    let after: string | undefined;
    for (;;) {
      const rows = await db.campaignRecipient.findMany({
        where: { campaignId: campaign.id, workspaceId: ctx.workspaceId, ...(after ? { id: { gt: after } } : {}) },
        orderBy: { id: "asc" },
        take: BATCH,
        select: RECIPIENT_SELECT,
      });
      if (rows.length === 0) return;
      const lines = rows.map(toRecipientRow).map((r) => [
        safe(r.contactName ?? ""), r.phone ?? "", r.status, r.skipReason ?? "", r.errorCode === null ? "" : String(r.errorCode), safe(r.error ?? ""),
        iso(r.sentAt), iso(r.deliveredAt), iso(r.readAt), iso(r.repliedAt), iso(r.clickedAt), iso(r.failedAt),
      ]);
      yield `${Papa.unparse(lines)}\r\n`;
      after = rows[rows.length - 1]!.id;
    }
  }
  const slug = campaign.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "campaign";
  return { filename: `${slug}-recipients.csv`, total: campaign.totalCount, chunks: chunks() };
}
