/**
 * Campaign pipeline isolation: a workspace's audience count, launch and claim see only its own
 * contacts, even when handed another workspace's group; progress reads only its own campaign.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { countAudience } from "@/lib/services/campaigns/audience";
import { readCampaignProgress } from "@/lib/services/campaigns/progress";
import { claimRecipients } from "@/lib/services/campaigns/send/claim";
import { materialiseRecipients } from "@/lib/services/campaigns/send/launch";
import { createTenants, type Tenant } from "@/test/fixtures/tenants";

let A: Tenant;
let B: Tenant;
let groupOfA: string;
let campaignOfA: string;

beforeAll(async () => {
  ({ A, B } = await createTenants());
  const group = await prisma.contactGroup.create({ data: { workspaceId: A.workspace.id, name: `a-${Date.now()}` } });
  groupOfA = group.id;
  for (let i = 0; i < 3; i++) {
    const contact = await prisma.contact.create({ data: { workspaceId: A.workspace.id, phone: `+62899${Date.now() % 100000}${i}`, name: `A ${i}` } });
    await prisma.contactGroupMember.create({ data: { groupId: group.id, contactId: contact.id } });
  }
  const campaign = await prisma.campaign.create({
    data: { workspaceId: A.workspace.id, name: "A's", status: "sending", connectionId: A.connection.id, audience: { groupIds: [groupOfA] } },
  });
  campaignOfA = campaign.id;
  await materialiseRecipients({ workspaceId: A.workspace.id }, { id: campaign.id, audience: campaign.audience, templateId: null, run: 1 });
});

const audienceOfA = () => ({ everyone: false, segmentIds: [], groupIds: [groupOfA], tagIds: [], upload: null });

describe("countAudience", () => {
  it("counts A's group for A, and nothing of it for B", async () => {
    expect((await countAudience(A.owner.ctx, { audience: audienceOfA(), templateId: null })).eligible).toBe(3);
    expect(await countAudience(B.owner.ctx, { audience: audienceOfA(), templateId: null })).toMatchObject({ matched: 0, eligible: 0 });
    expect((await countAudience(B.owner.ctx, { audience: { ...audienceOfA(), everyone: true }, templateId: null })).matched).toBe(
      await prisma.contact.count({ where: { workspaceId: B.workspace.id } }),
    );
  });
});

describe("materialiseRecipients", () => {
  it("writes no recipient of A's contacts into B's campaign", async () => {
    const campaign = await prisma.campaign.create({ data: { workspaceId: B.workspace.id, name: "B's", status: "sending", connectionId: B.connection.id, audience: { groupIds: [groupOfA] } } });
    await materialiseRecipients({ workspaceId: B.workspace.id }, { id: campaign.id, audience: campaign.audience, templateId: null, run: 1 });
    expect(await prisma.campaignRecipient.count({ where: { campaignId: campaign.id } })).toBe(0);
    expect(await prisma.campaignRecipient.count({ where: { campaignId: campaignOfA } })).toBe(3);
  });
});

describe("claimRecipients", () => {
  it("claims nothing of A's campaign for B", async () => {
    expect(await claimRecipients({ workspaceId: B.workspace.id }, campaignOfA, 10)).toEqual([]);
    expect(await prisma.campaignRecipient.count({ where: { campaignId: campaignOfA, status: "queued" } })).toBe(3);
  });
});

describe("readCampaignProgress", () => {
  it("reads A's campaign for A only", async () => {
    expect(await readCampaignProgress({ workspaceId: A.workspace.id }, campaignOfA)).toMatchObject({ campaignId: campaignOfA, total: 3, pending: 3 });
    expect(await readCampaignProgress({ workspaceId: B.workspace.id }, campaignOfA)).toBeNull();
  });
});
