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

  it("stores the conversation message of a recipient settled by status webhook alone, once", async () => {
    const template = await prisma.template.create({
      data: {
        workspaceId: A.workspace.id,
        name: `reconciled_${Date.now()}`,
        language: "en_US",
        category: "MARKETING",
        status: "APPROVED",
        components: [{ type: "BODY", text: "Hello {{1}}, the sale is on.", example: { body_text: [["Sari"]] } }],
      },
    });
    const campaign = await prisma.campaign.create({
      data: {
        workspaceId: A.workspace.id,
        name: "Webhook-settled",
        status: "completed",
        startedAt: longAgo(),
        connectionId: A.connection.id,
        templateId: template.id,
        variableMapping: { "body.1": { source: "text", value: "friend" } },
      },
    });
    const sentAt = new Date(Date.now() - 60_000);
    const [settled, written] = await Promise.all(
      [0, 1].map((i) =>
        prisma.campaignRecipient.create({
          data: { workspaceId: A.workspace.id, campaignId: campaign.id, contactId: A.contacts[i]!.id, status: "delivered", wamid: `wamid.reconciled.${campaign.id}.${i}`, sentAt },
        }),
      ),
    );
    // The second recipient's sender wrote its message itself: it is left alone.
    const conversation = await prisma.conversation.upsert({
      where: { contactId_isOpen: { contactId: A.contacts[1]!.id, isOpen: true } },
      create: { workspaceId: A.workspace.id, contactId: A.contacts[1]!.id, connectionId: A.connection.id, isOpen: true },
      update: {},
    });
    await prisma.message.create({
      data: { workspaceId: A.workspace.id, conversationId: conversation.id, contactId: A.contacts[1]!.id, connectionId: A.connection.id, direction: "outbound", type: "template", content: {}, wamid: written!.wamid, campaignRecipientId: written!.id, status: "sent", timestamp: sentAt },
    });

    const first = await reconcileCampaignSends();
    expect(first.messages).toBe(1);
    const stored = await prisma.message.findMany({ where: { campaignRecipientId: settled!.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ wamid: settled!.wamid, type: "template", direction: "outbound", contactId: A.contacts[0]!.id, timestamp: sentAt });
    expect(JSON.stringify(stored[0]!.content)).toContain("Hello friend, the sale is on.");
    expect(stored[0]!.previewText).toMatch(/^📋 /);
    expect(await prisma.message.count({ where: { campaignRecipientId: written!.id } })).toBe(1);

    expect((await reconcileCampaignSends()).messages).toBe(0);
    expect(await prisma.message.count({ where: { campaignRecipientId: settled!.id } })).toBe(1);
  });
});
