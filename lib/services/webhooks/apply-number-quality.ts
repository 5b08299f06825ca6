/**
 * A business number's quality or messaging limit changed (`phone_number_quality_update`): the
 * connection takes Meta's new tier (the pre-flight's messaging-limit check reads it) and, when
 * Meta FLAGGED the number (quality RED), every sending or scheduled campaign on it is paused with
 * the reason shown, before more low-quality sends push the number into a lower tier or a ban.
 * UNFLAGGED clears the RED rating; campaigns stay paused until a person resumes them. Meta names
 * the number by its display number within the WABA (entry.id), never by its phone number id.
 */
import type { Prisma } from "@/lib/db";
import { PAUSABLE_STATUSES, pausedData } from "@/lib/services/campaigns/pause-reason";
import type { NumberQualityUpdate } from "@/lib/whatsapp/webhook/number-quality";
import type { EventWork } from "./outcome";

export const NUMBER_FLAGGED = { code: "number_quality_red", message: "Meta flagged the phone number: its quality rating is low (RED)" } as const;

const digits = (value: string | null) => (value ?? "").replace(/\D/g, "");

export async function applyNumberQuality(tx: Prisma.TransactionClient, wabaId: string | undefined, update: NumberQualityUpdate, work: EventWork, receivedAt: Date): Promise<void> {
  if (!wabaId) {
    work.note("phone_number_quality_update without a WABA id: ignored");
    return;
  }
  const onWaba = await tx.whatsappConnection.findMany({ where: { wabaId }, select: { id: true, workspaceId: true, displayPhoneNumber: true } });
  // A connection saved before its display number was known is the WABA's number when it is its only one.
  const matched = onWaba.filter((c) => digits(c.displayPhoneNumber) === update.displayNumber);
  const connections = matched.length > 0 ? matched : onWaba.length === 1 && !onWaba[0]!.displayPhoneNumber ? onWaba : [];
  if (connections.length === 0) {
    work.note(`phone_number_quality_update for ${update.displayNumber}: no such number on WABA ${wabaId}: ignored`);
    return;
  }
  const quality = update.event === "FLAGGED" ? { qualityRating: "RED" } : update.event === "UNFLAGGED" ? { qualityRating: null } : {};
  const tier = update.limitTier ? { messagingLimitTier: update.limitTier } : {};
  for (const connection of connections) {
    if (Object.keys(quality).length + Object.keys(tier).length > 0) {
      await tx.whatsappConnection.update({ where: { id: connection.id }, data: { ...quality, ...tier }, select: { id: true } });
    }
    if (update.event !== "FLAGGED") continue;
    const paused = await tx.campaign.updateManyAndReturn({
      where: { workspaceId: connection.workspaceId, connectionId: connection.id, status: { in: [...PAUSABLE_STATUSES] } },
      data: pausedData(NUMBER_FLAGGED, receivedAt),
      select: { id: true },
    });
    for (const row of paused) work.campaigns.add({ workspaceId: connection.workspaceId, campaignId: row.id });
  }
}
