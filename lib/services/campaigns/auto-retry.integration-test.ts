/**
 * The automatic retry window against a real Postgres: a completed campaign's retryable failures
 * are requeued as a new run once `everyHours` have passed since it ended and only while its start
 * is less than `forDays` old; permanent failures and sent recipients are never touched, and a
 * second sweep at once starts nothing more. Enqueues go to a stand-in keyed like the real one.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { createTenant } from "@/test/fixtures/tenants";
import { rejection } from "@/test/tenant-isolation/helpers";

const jobs = vi.hoisted(() => ({ keys: [] as string[] }));
vi.mock("@/lib/jobs/enqueue", () => ({
  enqueue: async (_task: unknown, _payload: unknown, options: { idempotencyKey: string }) => {
    const isCached = jobs.keys.includes(options.idempotencyKey);
    if (!isCached) jobs.keys.push(options.idempotencyKey);
    return { id: options.idempotencyKey, isCached };
  },
}));

const { runDueAutoRetries } = await import("./auto-retry");
const { saveCampaignDraft } = await import("./save-draft");
const { getCampaign } = await import("./get-campaign");

beforeEach(() => {
  jobs.keys = [];
});

const HOUR = 3_600_000;

async function completedCampaign(options: { autoRetry: { everyHours: number; forDays: number } | null; endedHoursAgo: number; startedHoursAgo: number }) {
  const A = await createTenant("A");
  const campaign = await prisma.campaign.create({
    data: {
      workspaceId: A.workspace.id,
      name: "Sale",
      status: "completed",
      connectionId: A.connection.id,
      autoRetry: options.autoRetry ?? undefined,
      startedAt: new Date(Date.now() - options.startedHoursAgo * HOUR),
      completedAt: new Date(Date.now() - options.endedHoursAgo * HOUR),
      totalCount: 3,
      sentCount: 1,
      failedCount: 2,
    },
  });
  const contacts = await Promise.all(
    ["+6281288800001", "+6281288800002", "+6281288800003"].map((phone) => prisma.contact.create({ data: { workspaceId: A.workspace.id, phone } })),
  );
  const [sent, retryable, permanent] = await Promise.all([
    prisma.campaignRecipient.create({ data: { workspaceId: A.workspace.id, campaignId: campaign.id, contactId: contacts[0]!.id, phone: contacts[0]!.phone, status: "sent", wamid: `wamid.auto-${campaign.id}` } }),
    prisma.campaignRecipient.create({ data: { workspaceId: A.workspace.id, campaignId: campaign.id, contactId: contacts[1]!.id, phone: contacts[1]!.phone, status: "failed", retryable: true, errorCode: 131049 } }),
    prisma.campaignRecipient.create({ data: { workspaceId: A.workspace.id, campaignId: campaign.id, contactId: contacts[2]!.id, phone: contacts[2]!.phone, status: "failed", retryable: false, errorCode: 131026 } }),
  ]);
  return { A, campaign, sent, retryable, permanent };
}

const statusOf = async (id: string) => (await prisma.campaignRecipient.findUniqueOrThrow({ where: { id } })).status;

describe("runDueAutoRetries", () => {
  it("requeues only the retryable failures of a due campaign, once", async () => {
    const { campaign, sent, retryable, permanent } = await completedCampaign({ autoRetry: { everyHours: 6, forDays: 3 }, endedHoursAgo: 7, startedHoursAgo: 30 });
    const first = await runDueAutoRetries();
    expect(first.requeued).toBeGreaterThanOrEqual(1);
    expect(await statusOf(retryable.id)).toBe("queued");
    expect(await statusOf(permanent.id)).toBe("failed");
    expect(await statusOf(sent.id)).toBe("sent");
    const after = await prisma.campaign.findUniqueOrThrow({ where: { id: campaign.id } });
    expect(after).toMatchObject({ status: "sending", run: 2, failedCount: 1, completedAt: null });
    expect(jobs.keys).toHaveLength(1);

    // The campaign is sending again: a second sweep right away starts nothing.
    await runDueAutoRetries();
    expect(jobs.keys).toHaveLength(1);
    expect((await prisma.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).run).toBe(2);
  });

  it("waits for the interval, stops after the window, and leaves campaigns without one alone", async () => {
    const early = await completedCampaign({ autoRetry: { everyHours: 6, forDays: 3 }, endedHoursAgo: 5, startedHoursAgo: 30 });
    const late = await completedCampaign({ autoRetry: { everyHours: 6, forDays: 3 }, endedHoursAgo: 7, startedHoursAgo: 73 });
    const off = await completedCampaign({ autoRetry: null, endedHoursAgo: 48, startedHoursAgo: 50 });
    await runDueAutoRetries();
    for (const { retryable, campaign } of [early, late, off]) {
      expect(await statusOf(retryable.id)).toBe("failed");
      expect((await prisma.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).run).toBe(1);
    }
    // The early one becomes due once six hours have passed since it ended.
    await runDueAutoRetries({ now: new Date(Date.now() + 1.5 * HOUR) });
    expect(await statusOf(early.retryable.id)).toBe("queued");
    expect(await statusOf(late.retryable.id)).toBe("failed");
  });
});

describe("saveCampaignDraft with an automatic retry window", () => {
  it("keeps the window, turns it off, and refuses one out of bounds", async () => {
    const A = await createTenant("A");
    const base = { name: "Sale", templateId: null, connectionId: null, audience: { everyone: true }, variableMapping: {} };
    const { id } = await saveCampaignDraft(A.owner.ctx, { ...base, autoRetry: { everyHours: 6, forDays: 3 } });
    expect((await getCampaign(A.owner.ctx, id)).autoRetry).toEqual({ everyHours: 6, forDays: 3 });
    // Absent leaves it as it was; null turns it off.
    await saveCampaignDraft(A.owner.ctx, { ...base, campaignId: id, name: "Renamed" });
    expect((await getCampaign(A.owner.ctx, id)).autoRetry).toEqual({ everyHours: 6, forDays: 3 });
    await saveCampaignDraft(A.owner.ctx, { ...base, campaignId: id, autoRetry: null });
    expect((await getCampaign(A.owner.ctx, id)).autoRetry).toBeNull();
    const refused = await rejection(saveCampaignDraft(A.owner.ctx, { ...base, campaignId: id, autoRetry: { everyHours: 0, forDays: 3 } }));
    expect(refused).toMatchObject({ code: "invalid", messageKey: "campaignAutoRetryInvalid" });
    expect((await getCampaign(A.owner.ctx, id)).autoRetry).toBeNull();
  });
});
