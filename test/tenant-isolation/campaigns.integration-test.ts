/**
 * Campaign isolation: a member of B naming A's campaign, template or contact ids reads nothing and
 * changes nothing of A (not found); every campaign action answers B's member naming A's workspace
 * with not found; an agent launches nothing (forbidden).
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { createTenants, type Tenant } from "@/test/fixtures/tenants";
import { rejection, untouched } from "./helpers";

const jobs = vi.hoisted(() => ({ keys: [] as string[] }));
vi.mock("@/lib/jobs/enqueue", () => ({
  enqueue: async (_task: unknown, _payload: unknown, options: { idempotencyKey: string }) => {
    jobs.keys.push(options.idempotencyKey);
    return { id: options.idempotencyKey, isCached: false };
  },
}));
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user, requireUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { listCampaigns } = await import("@/lib/services/campaigns/list-campaigns");
const { getCampaign } = await import("@/lib/services/campaigns/get-campaign");
const { saveCampaignDraft } = await import("@/lib/services/campaigns/save-draft");
const { deleteCampaign } = await import("@/lib/services/campaigns/delete-campaign");
const { previewCampaignMessage } = await import("@/lib/services/campaigns/preview-message");
const { searchAudienceContacts } = await import("@/lib/services/campaigns/search-audience-contacts");
const { countCampaignAudience } = await import("@/lib/services/campaigns/count-campaign-audience");
const { preflightCampaign } = await import("@/lib/services/campaigns/preflight");
const { launchCampaign, scheduleCampaignLaunch } = await import("@/lib/services/campaigns/launch-campaign");
const { cancelCampaign } = await import("@/lib/services/campaigns/cancel-campaign");
const { pauseCampaign } = await import("@/lib/services/campaigns/pause-campaign");
const { resumeCampaign } = await import("@/lib/services/campaigns/resume-campaign");
const { retryFailedRecipients } = await import("@/lib/services/campaigns/retry-failed");
const { sendCampaignTest } = await import("@/lib/services/campaigns/send-test");
const { listCampaignRecipients } = await import("@/lib/services/campaigns/list-recipients");
const { exportCampaignRecipients } = await import("@/lib/services/campaigns/export-recipients");
const { uploadCampaignList } = await import("@/lib/services/campaigns/upload-list");
const { campaignTimeline } = await import("@/lib/services/campaigns/timeline");
const { GET: recipientsRoute } = await import("@/app/api/w/[slug]/campaigns/[campaignId]/recipients/route");

const actions = {
  ...(await import("@/app/actions/campaigns/list")),
  ...(await import("@/app/actions/campaigns/get")),
  ...(await import("@/app/actions/campaigns/save-draft")),
  ...(await import("@/app/actions/campaigns/delete")),
  ...(await import("@/app/actions/campaigns/preview")),
  ...(await import("@/app/actions/campaigns/search-contacts")),
  ...(await import("@/app/actions/campaigns/count-audience")),
  ...(await import("@/app/actions/campaigns/preflight")),
  ...(await import("@/app/actions/campaigns/launch")),
  ...(await import("@/app/actions/campaigns/cancel")),
  ...(await import("@/app/actions/campaigns/pause")),
  ...(await import("@/app/actions/campaigns/resume")),
  ...(await import("@/app/actions/campaigns/retry")),
  ...(await import("@/app/actions/campaigns/send-test")),
  ...(await import("@/app/actions/campaigns/recipients")),
  ...(await import("@/app/actions/campaigns/upload-list")),
  ...(await import("@/app/actions/campaigns/timeline")),
};

beforeEach(() => {
  session.user = null;
  jobs.keys = [];
});

const COMPONENTS = [{ type: "BODY", text: "Hi {{1}}, our sale starts today.", example: { body_text: [["Budi"]] } }];
const MAPPING = { "body.1": { source: "field" as const, field: "name" as const, fallback: "there" } };

/** A with an approved template and a campaign in `status`, its contacts as recipients (one failed and retryable). */
async function seedCampaign(A: Tenant, status: "draft" | "scheduled" | "sending" | "paused" | "completed" = "draft") {
  const template = await prisma.template.create({
    data: { workspaceId: A.workspace.id, name: `sale_${A.workspace.id.slice(-6)}_${status}`, language: "en_US", category: "MARKETING", status: "APPROVED", components: COMPONENTS },
  });
  const campaign = await prisma.campaign.create({
    data: {
      workspaceId: A.workspace.id,
      name: "A's sale",
      status,
      templateId: template.id,
      connectionId: A.connection.id,
      audience: { everyone: true },
      variableMapping: MAPPING,
      startedAt: status === "draft" || status === "scheduled" ? null : new Date(),
      failedCount: 1,
    },
  });
  await prisma.campaignRecipient.createMany({
    data: A.contacts.map((contact, i) => ({
      workspaceId: A.workspace.id,
      campaignId: campaign.id,
      contactId: contact.id,
      phone: contact.phone,
      status: i === 0 ? ("failed" as const) : ("queued" as const),
      retryable: i === 0,
    })),
  });
  return { template, campaign };
}

/** Asserts that A's campaign and its recipients are as they were. */
async function unchanged(campaignId: string, act: () => Promise<void>): Promise<void> {
  const read = () =>
    Promise.all([prisma.campaign.findUnique({ where: { id: campaignId } }), prisma.campaignRecipient.findMany({ where: { campaignId }, orderBy: { id: "asc" } })]);
  const before = await read();
  await act();
  expect(await read()).toEqual(before);
}

async function notFoundFromB(A: Tenant, campaignId: string, call: () => Promise<unknown>): Promise<void> {
  await unchanged(campaignId, async () => {
    await untouched(A, async () => {
      expect(await rejection(call())).toMatchObject({ code: "not_found" });
    });
  });
  expect(jobs.keys).toEqual([]);
}

describe("listCampaigns", () => {
  it("lists none of A's campaigns to B", async () => {
    const { A, B } = await createTenants();
    await seedCampaign(A);
    expect(await listCampaigns(B.owner.ctx)).toEqual([]);
    expect(await listCampaigns(A.agent.ctx)).toHaveLength(1);
  });
});

describe("getCampaign", () => {
  it("answers B with not found for A's campaign", async () => {
    const { A, B } = await createTenants();
    const { campaign } = await seedCampaign(A);
    await notFoundFromB(A, campaign.id, () => getCampaign(B.owner.ctx, campaign.id));
  });
});

describe("saveCampaignDraft", () => {
  it("does not edit A's campaign, nor take A's template or number", async () => {
    const { A, B } = await createTenants();
    const { campaign, template } = await seedCampaign(A);
    const input = { name: "Taken", templateId: null, connectionId: null, audience: { everyone: true }, variableMapping: {} };
    await notFoundFromB(A, campaign.id, () => saveCampaignDraft(B.owner.ctx, { ...input, campaignId: campaign.id }));
    await notFoundFromB(A, campaign.id, () => saveCampaignDraft(B.owner.ctx, { ...input, templateId: template.id }));
    await notFoundFromB(A, campaign.id, () => saveCampaignDraft(B.owner.ctx, { ...input, connectionId: A.connection.id }));
    expect(await prisma.campaign.count({ where: { workspaceId: B.workspace.id } })).toBe(0);
  });
  it("forbids an agent", async () => {
    const { A } = await createTenants();
    expect(await rejection(saveCampaignDraft(A.agent.ctx, { name: "x", templateId: null, connectionId: null, audience: {}, variableMapping: {} }))).toMatchObject({ code: "forbidden" });
  });
});

describe("deleteCampaign", () => {
  it("does not delete A's campaign", async () => {
    const { A, B } = await createTenants();
    const { campaign } = await seedCampaign(A);
    await notFoundFromB(A, campaign.id, () => deleteCampaign(B.owner.ctx, campaign.id));
  });
});

describe("previewCampaignMessage", () => {
  it("renders neither A's template nor A's contact for B", async () => {
    const { A, B } = await createTenants();
    const { campaign, template } = await seedCampaign(A);
    await notFoundFromB(A, campaign.id, () => previewCampaignMessage(B.owner.ctx, { templateId: template.id, variableMapping: MAPPING, contactId: null }));
    const own = await prisma.template.create({ data: { workspaceId: B.workspace.id, name: "b_sale", language: "en_US", category: "MARKETING", status: "APPROVED", components: COMPONENTS } });
    await notFoundFromB(A, campaign.id, () => previewCampaignMessage(B.owner.ctx, { templateId: own.id, variableMapping: MAPPING, contactId: A.contacts[0]!.id }));
  });
});

describe("searchAudienceContacts", () => {
  it("finds only B's contacts, even for A's group ids", async () => {
    const { A, B } = await createTenants();
    const everyone = await searchAudienceContacts(B.owner.ctx, { audience: { everyone: true }, query: "" });
    expect(everyone.map((c) => c.id).sort()).toEqual(B.contacts.map((c) => c.id).sort());
    const group = await prisma.contactGroup.create({ data: { workspaceId: A.workspace.id, name: "A's group" } });
    await prisma.contactGroupMember.create({ data: { groupId: group.id, contactId: A.contacts[0]!.id } });
    expect(await searchAudienceContacts(B.owner.ctx, { audience: { groupIds: [group.id] }, query: "" })).toEqual([]);
  });
});

describe("countCampaignAudience", () => {
  it("counts only B's contacts", async () => {
    const { A, B } = await createTenants();
    const { template } = await seedCampaign(A);
    const count = await countCampaignAudience(B.owner.ctx, { audience: { everyone: true }, templateId: template.id });
    expect(count.matched).toBe(B.contacts.length);
  });
});

describe("preflightCampaign", () => {
  it("answers B with not found for A's campaign", async () => {
    const { A, B } = await createTenants();
    const { campaign } = await seedCampaign(A);
    await notFoundFromB(A, campaign.id, () => preflightCampaign(B.owner.ctx, campaign.id));
  });
});

describe("launchCampaign", () => {
  it("does not launch A's campaign", async () => {
    const { A, B } = await createTenants();
    const { campaign } = await seedCampaign(A);
    await notFoundFromB(A, campaign.id, () => launchCampaign(B.owner.ctx, { campaignId: campaign.id, at: null }));
  });
  it("forbids an agent", async () => {
    const { A } = await createTenants();
    const { campaign } = await seedCampaign(A);
    await unchanged(campaign.id, async () => {
      expect(await rejection(launchCampaign(A.agent.ctx, { campaignId: campaign.id, at: null }))).toMatchObject({ code: "forbidden" });
    });
  });
});

describe("scheduleCampaignLaunch", () => {
  it("does not schedule A's campaign", async () => {
    const { A, B } = await createTenants();
    const { campaign } = await seedCampaign(A, "paused");
    await notFoundFromB(A, campaign.id, () => scheduleCampaignLaunch(B.owner.ctx, { campaignId: campaign.id, at: null }, ["paused"]));
  });
});

describe("cancelCampaign", () => {
  it("does not cancel A's campaign", async () => {
    const { A, B } = await createTenants();
    const { campaign } = await seedCampaign(A, "sending");
    await notFoundFromB(A, campaign.id, () => cancelCampaign(B.owner.ctx, campaign.id));
  });
});

describe("pauseCampaign", () => {
  it("does not pause A's campaign", async () => {
    const { A, B } = await createTenants();
    const { campaign } = await seedCampaign(A, "sending");
    await notFoundFromB(A, campaign.id, () => pauseCampaign(B.owner.ctx, campaign.id));
  });
});

describe("resumeCampaign", () => {
  it("does not resume A's campaign", async () => {
    const { A, B } = await createTenants();
    const { campaign } = await seedCampaign(A, "paused");
    await notFoundFromB(A, campaign.id, () => resumeCampaign(B.owner.ctx, campaign.id));
  });
});

describe("retryFailedRecipients", () => {
  it("requeues nothing of A's", async () => {
    const { A, B } = await createTenants();
    const { campaign } = await seedCampaign(A, "completed");
    await notFoundFromB(A, campaign.id, () => retryFailedRecipients(B.owner.ctx, campaign.id));
  });
});

describe("sendCampaignTest", () => {
  it("sends nothing of A's campaign", async () => {
    const { A, B } = await createTenants();
    const { campaign } = await seedCampaign(A);
    await notFoundFromB(A, campaign.id, () => sendCampaignTest(B.owner.ctx, { campaignId: campaign.id, to: "+6281234567890" }));
  });
});

describe("listCampaignRecipients", () => {
  it("lists none of A's recipients to B", async () => {
    const { A, B } = await createTenants();
    const { campaign } = await seedCampaign(A);
    await notFoundFromB(A, campaign.id, () => listCampaignRecipients(B.owner.ctx, { campaignId: campaign.id }));
  });
});

describe("campaignTimeline", () => {
  it("answers B with not found for A's campaign, and shows A its own sends", async () => {
    const { A, B } = await createTenants();
    const { campaign } = await seedCampaign(A, "sending");
    const sentAt = new Date("2026-03-10T03:00:00.000Z");
    await prisma.campaignRecipient.updateMany({ where: { campaignId: campaign.id, status: "queued" }, data: { status: "sent", sentAt } });
    await notFoundFromB(A, campaign.id, () => campaignTimeline(B.owner.ctx, campaign.id));
    const own = await campaignTimeline(A.agent.ctx, campaign.id);
    expect(own.buckets).toEqual([expect.objectContaining({ start: sentAt, sent: A.contacts.length - 1 })]);
  });
});

describe("campaign actions", () => {
  it("answer B's owner naming A's workspace, or A's ids in B's, with not found", async () => {
    const { A, B } = await createTenants();
    const { campaign, template } = await seedCampaign(A, "paused");
    session.user = { id: B.owner.userId, email: B.owner.email, name: B.owner.name, locale: null };
    const calls: [string, (slug: string) => Promise<unknown>][] = [
      ["listCampaignsAction", (slug) => actions.listCampaignsAction({ slug })],
      ["getCampaignAction", (slug) => actions.getCampaignAction({ slug, campaignId: campaign.id })],
      ["saveCampaignDraftAction", (slug) => actions.saveCampaignDraftAction({ slug, campaignId: campaign.id, name: "x", templateId: null, connectionId: null, audience: { everyone: true }, variableMapping: {} })],
      ["deleteCampaignAction", (slug) => actions.deleteCampaignAction({ slug, campaignId: campaign.id })],
      ["previewCampaignMessageAction", (slug) => actions.previewCampaignMessageAction({ slug, templateId: template.id, variableMapping: MAPPING, contactId: null })],
      ["searchAudienceContactsAction", (slug) => actions.searchAudienceContactsAction({ slug, audience: { everyone: true }, query: "" })],
      ["countCampaignAudienceAction", (slug) => actions.countCampaignAudienceAction({ slug, audience: { everyone: true }, templateId: null })],
      ["preflightCampaignAction", (slug) => actions.preflightCampaignAction({ slug, campaignId: campaign.id })],
      ["launchCampaignAction", (slug) => actions.launchCampaignAction({ slug, campaignId: campaign.id, at: null })],
      ["cancelCampaignAction", (slug) => actions.cancelCampaignAction({ slug, campaignId: campaign.id })],
      ["pauseCampaignAction", (slug) => actions.pauseCampaignAction({ slug, campaignId: campaign.id })],
      ["resumeCampaignAction", (slug) => actions.resumeCampaignAction({ slug, campaignId: campaign.id })],
      ["retryFailedRecipientsAction", (slug) => actions.retryFailedRecipientsAction({ slug, campaignId: campaign.id })],
      ["sendCampaignTestAction", (slug) => actions.sendCampaignTestAction({ slug, campaignId: campaign.id, to: "+6281234567890" })],
      ["listCampaignRecipientsAction", (slug) => actions.listCampaignRecipientsAction({ slug, campaignId: campaign.id })],
      ["campaignTimelineAction", (slug) => actions.campaignTimelineAction({ slug, campaignId: campaign.id })],
      ["uploadCampaignListAction", (slug) => actions.uploadCampaignListAction({ slug, file: new File(["+6281234567890\n"], "list.csv", { type: "text/csv" }) })],
    ];
    // Audience-wide calls have no id of A's: named with B's slug they answer with B's own data (checked above).
    const idFree = new Set(["listCampaignsAction", "searchAudienceContactsAction", "countCampaignAudienceAction", "uploadCampaignListAction"]);
    await unchanged(campaign.id, async () => {
      await untouched(A, async () => {
        for (const [name, call] of calls) {
          const foreign = (await call(A.workspace.slug)) as { serverError?: { code: string } };
          expect(foreign.serverError?.code, `${name} with A's slug`).toBe("not_found");
          if (idFree.has(name)) continue;
          const own = (await call(B.workspace.slug)) as { serverError?: { code: string } };
          expect(own.serverError?.code, `${name} with A's ids`).toBe("not_found");
        }
      });
    });
    expect(jobs.keys).toEqual([]);
  });
});

describe("uploadCampaignList", () => {
  it("writes B's list into B only, even for a number A holds", async () => {
    const { A, B } = await createTenants();
    await prisma.contact.create({ data: { workspaceId: A.workspace.id, phone: "+6281277700001" } });
    await untouched(A, async () => {
      const upload = await uploadCampaignList(B.owner.ctx, { fileName: "b.csv", text: "+6281277700001\n" });
      const members = await prisma.contactGroupMember.findMany({ where: { groupId: upload.groupId }, include: { contact: true } });
      expect(members.map((m) => m.contact.workspaceId)).toEqual([B.workspace.id]);
    });
    expect(await rejection(uploadCampaignList(A.agent.ctx, { fileName: "a.csv", text: "+6281277700002\n" }))).toMatchObject({ code: "forbidden" });
  });
});

describe("countAudience", () => {
  it("counts only the caller's contacts, even for A's group ids", async () => {
    const { countAudience } = await import("@/lib/services/campaigns/audience");
    const { A, B } = await createTenants();
    const group = await prisma.contactGroup.create({ data: { workspaceId: A.workspace.id, name: "A's group" } });
    await prisma.contactGroupMember.create({ data: { groupId: group.id, contactId: A.contacts[0]!.id } });
    const count = await countAudience(B.owner.ctx, { audience: { everyone: false, segmentIds: [], groupIds: [group.id], tagIds: [], upload: null }, templateId: null });
    expect(count).toMatchObject({ matched: 0, eligible: 0 });
  });
});

describe("exportCampaignRecipients", () => {
  it("exports none of A's recipients to B, and A's own to A", async () => {
    const { A, B } = await createTenants();
    const { campaign } = await seedCampaign(A);
    await notFoundFromB(A, campaign.id, () => exportCampaignRecipients(B.owner.ctx, campaign.id));
    const { chunks } = await exportCampaignRecipients(A.agent.ctx, campaign.id);
    let csv = "";
    for await (const chunk of chunks) csv += chunk;
    expect(csv).toContain("name,phone,status");
    expect(csv.trim().split("\r\n")).toHaveLength(1 + A.contacts.length);
  });

  it("downloads as CSV over HTTP for A's member, and answers B's owner naming A's campaign with not found", async () => {
    const { A, B } = await createTenants();
    const { campaign } = await seedCampaign(A);
    // The launch writes the total beside the recipients; the seed writes only the recipients.
    await prisma.campaign.update({ where: { id: campaign.id }, data: { totalCount: A.contacts.length } });
    const get = (slug: string) =>
      recipientsRoute(new Request(`http://parley.test/api/w/${slug}/campaigns/${campaign.id}/recipients`), { params: Promise.resolve({ slug, campaignId: campaign.id }) });
    session.user = { id: A.agent.userId, email: A.agent.email, name: A.agent.name, locale: null };
    const response = await get(A.workspace.slug);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("x-total-count")).toBe(String(A.contacts.length));
    expect((await response.text()).trim().split("\r\n")).toHaveLength(1 + A.contacts.length);
    session.user = { id: B.owner.userId, email: B.owner.email, name: B.owner.name, locale: null };
    expect((await get(B.workspace.slug)).status).toBe(404);
    expect((await get(A.workspace.slug)).status).toBe(404);
  });
});
