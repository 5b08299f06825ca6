/**
 * Reconciliation: a recipient claimed long ago and never confirmed is queued again and its send run
 * restarted, unless a webhook of its number still waits unprocessed (Meta's evidence may be in it);
 * a recent claim is left alone; a started campaign with nothing left is completed.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { createTenant, type Tenant } from "@/test/fixtures/tenants";

const jobs = vi.hoisted(() => ({ keys: [] as string[] }));
vi.mock("@/lib/jobs/enqueue", () => ({
  enqueue: async (_task: unknown, _payload: unknown, options: { idempotencyKey: string }) => {
    jobs.keys.push(options.idempotencyKey);
    return { id: options.idempotencyKey, isCached: false };
  },
}));
const { reconcileCampaignSends } = await import("./reconcile");

let A: Tenant;
beforeAll(async () => {
  A = await createTenant("Rec");
});

const longAgo = () => new Date(Date.now() - 3_600_000);

async function campaignWith(recipients: { claimedAt: Date; status?: "sending" | "sent" }[]) {
  const campaign = await prisma.campaign.create({ data: { workspaceId: A.workspace.id, name: "R", status: "sending", startedAt: longAgo(), connectionId: A.connection.id } });
  const rows = [];
  for (const [i, r] of recipients.entries())
    rows.push(
      await prisma.campaignRecipient.create({
        data: { workspaceId: A.workspace.id, campaignId: campaign.id, contactId: A.contacts[i]!.id, status: r.status ?? "sending", claimedAt: r.claimedAt },
      }),
    );
  return { campaign, rows };
}

describe("reconcileCampaignSends", () => {
  it("queues a long-unconfirmed claim again and restarts the run; leaves a recent claim alone", async () => {
    const { campaign, rows } = await campaignWith([{ claimedAt: longAgo() }, { claimedAt: new Date() }]);
    jobs.keys = [];
    await reconcileCampaignSends();
    expect(await prisma.campaignRecipient.findUniqueOrThrow({ where: { id: rows[0]!.id } })).toMatchObject({ status: "queued", claimedAt: null });
    expect(await prisma.campaignRecipient.findUniqueOrThrow({ where: { id: rows[1]!.id } })).toMatchObject({ status: "sending" });
    expect(jobs.keys.some((key) => key.startsWith(`campaign-send:${campaign.id}:`))).toBe(true);
    expect((await prisma.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).status).toBe("sending");
  });

  it("waits while a webhook of the number is unprocessed", async () => {
    const { rows } = await campaignWith([{ claimedAt: longAgo() }]);
    const event = await prisma.webhookEvent.create({ data: { phoneNumberId: A.connection.phoneNumberId, workspaceId: A.workspace.id, payload: {} } });
    try {
      await reconcileCampaignSends();
      expect((await prisma.campaignRecipient.findUniqueOrThrow({ where: { id: rows[0]!.id } })).status).toBe("sending");
    } finally {
      await prisma.webhookEvent.delete({ where: { id: event.id } });
    }
  });

  it("completes a started campaign whose recipients are all settled", async () => {
    const { campaign } = await campaignWith([{ claimedAt: longAgo(), status: "sent" }]);
    await reconcileCampaignSends();
    expect((await prisma.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).status).toBe("completed");
  });
});
