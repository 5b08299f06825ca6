/**
 * `phone_number_quality_update`, through the real ingest and processing: Meta flagging a number
 * (quality RED) pauses its sending and scheduled campaigns with the reason, and only that number's
 * (not another number's on the same WABA, not another workspace's); the tier moves; UNFLAGGED
 * clears the rating and leaves the campaigns paused.
 */
import { describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { createNumber, deliver, type Payload, type TestNumber } from "@/test/webhooks/helpers";

vi.hoisted(() => {
  process.env.META_APP_SECRET = "test-platform-app-secret";
});

function qualityUpdate(wabaId: string, value: Record<string, unknown>): Payload {
  return {
    object: "whatsapp_business_account",
    entry: [{ id: wabaId, time: Math.floor(Date.now() / 1000), changes: [{ field: "phone_number_quality_update", value }] }],
  };
}

async function campaignOn(number: TestNumber, status: "sending" | "scheduled" | "completed") {
  return prisma.campaign.create({ data: { workspaceId: number.workspaceId, connectionId: number.connectionId, name: `c ${status}`, status } });
}

describe("phone_number_quality_update", () => {
  it("FLAGGED pauses the number's sending and scheduled campaigns with the reason, and sets it RED", async () => {
    const number = await createNumber("quality");
    const other = await createNumber("quality-other", { wabaId: number.wabaId });
    await prisma.whatsappConnection.update({ where: { id: number.connectionId }, data: { displayPhoneNumber: "+1 555-078-3881", qualityRating: "GREEN" } });
    await prisma.whatsappConnection.update({ where: { id: other.connectionId }, data: { displayPhoneNumber: "+1 555-000-1111", qualityRating: "GREEN" } });
    const [sending, scheduled, done, otherSending] = [await campaignOn(number, "sending"), await campaignOn(number, "scheduled"), await campaignOn(number, "completed"), await campaignOn(other, "sending")];

    const outcome = await deliver(qualityUpdate(number.wabaId, { display_phone_number: "15550783881", event: "FLAGGED", current_limit: "TIER_1K", max_daily_conversations_per_business: "TIER_1K" }));
    expect(outcome).toMatchObject({ result: "processed", notes: [] });
    expect(outcome.campaigns.map((c) => c.campaignId).sort()).toEqual([sending.id, scheduled.id].sort());

    for (const id of [sending.id, scheduled.id]) {
      const row = await prisma.campaign.findUniqueOrThrow({ where: { id } });
      expect(row.status).toBe("paused");
      expect(row.statusReason).toMatchObject({ code: "number_quality_red", message: expect.stringContaining("RED") });
    }
    expect((await prisma.campaign.findUniqueOrThrow({ where: { id: done.id } })).status).toBe("completed");
    expect((await prisma.campaign.findUniqueOrThrow({ where: { id: otherSending.id } })).status).toBe("sending");
    expect(await prisma.whatsappConnection.findUniqueOrThrow({ where: { id: number.connectionId } })).toMatchObject({ qualityRating: "RED", messagingLimitTier: "TIER_1K" });
    expect((await prisma.whatsappConnection.findUniqueOrThrow({ where: { id: other.connectionId } })).qualityRating).toBe("GREEN");

    // Recovered: the rating clears, the campaigns wait for a person to resume them.
    await deliver(qualityUpdate(number.wabaId, { display_phone_number: "15550783881", event: "UNFLAGGED" }));
    expect((await prisma.whatsappConnection.findUniqueOrThrow({ where: { id: number.connectionId } })).qualityRating).toBeNull();
    expect((await prisma.campaign.findUniqueOrThrow({ where: { id: sending.id } })).status).toBe("paused");
  });

  it("an upgrade moves only the tier; an unknown number is noted and changes nothing", async () => {
    const number = await createNumber("quality-tier");
    const sending = await campaignOn(number, "sending");
    // The connection has no display number yet: the WABA's only number is the one meant.
    await deliver(qualityUpdate(number.wabaId, { display_phone_number: "15550783881", event: "UPGRADE", old_limit: "TIER_1K", current_limit: "TIER_10K" }));
    expect((await prisma.whatsappConnection.findUniqueOrThrow({ where: { id: number.connectionId } })).messagingLimitTier).toBe("TIER_10K");
    expect((await prisma.campaign.findUniqueOrThrow({ where: { id: sending.id } })).status).toBe("sending");

    const stranger = await deliver(qualityUpdate("9999999999", { display_phone_number: "15550783881", event: "FLAGGED" }));
    expect(stranger.notes.join(" ")).toMatch(/no such number/);
    expect((await prisma.campaign.findUniqueOrThrow({ where: { id: sending.id } })).status).toBe("sending");
  });
});
