/**
 * The campaign pipeline against the emulator as Meta: a launch materialises the audience (skipped
 * contacts with their reasons), the sender reaches every eligible recipient exactly once with its
 * callback data, under injected throughput errors, 5xx answers, pair rate limits and two senders at once; a paused
 * template pauses the campaign and fails nobody; a member's pause stops the sender.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { startWhatsAppEmulator, type RunningEmulator } from "@/local/whatsapp-emulator";
import type { EmulatorTemplateSeed } from "@/local/whatsapp-emulator/types";
import type { Tenant } from "@/test/fixtures/tenants";
import { connectedTenant, emulatorNumber } from "@/test/media/harness";
import { PLATFORM_SECRET } from "@/test/webhooks/helpers";
import { materialiseRecipients } from "./launch";
import { recipientCallbackData, runCampaignSend } from "./run-send";

const at = vi.hoisted(() => ({ graphUrl: "" }));
vi.mock("@/lib/whatsapp/config", () => ({ graphApiBaseUrl: () => at.graphUrl, graphApiVersion: () => "v23.0" }));

const sale: EmulatorTemplateSeed = {
  name: "december_sale",
  language: "en_US",
  category: "MARKETING",
  components: [{ type: "BODY", text: "Hi {{1}}, our December sale starts today with prices you will love.", example: { body_text: [["Sari"]] } }],
};

const number = emulatorNumber("Campaign");
let emulator: RunningEmulator;
let tenant: Tenant;
let templateId: string;
let contacts = 0;

beforeAll(async () => {
  emulator = await startWhatsAppEmulator({ port: 0, appSecret: PLATFORM_SECRET, phoneNumbers: [number], templates: [sale] });
  at.graphUrl = emulator.url;
  tenant = await connectedTenant("Camp", number);
  const template = await prisma.template.create({
    data: { workspaceId: tenant.workspace.id, name: sale.name, language: sale.language, category: "MARKETING", status: "APPROVED", components: sale.components as object[] },
  });
  templateId = template.id;
});
afterAll(async () => {
  await emulator.stop();
});

const scope = () => ({ workspaceId: tenant.workspace.id });

/** A group of `n` contacts with numbers (names on all but every fifth), plus the given extras. */
async function audienceGroup(n: number, extras: { optedOut?: number; noPhone?: number; suppressed?: number } = {}): Promise<string> {
  const group = await prisma.contactGroup.create({ data: { workspaceId: tenant.workspace.id, name: `g-${Date.now()}-${Math.random()}` } });
  const make = async (kind: "ok" | "optedOut" | "noPhone" | "suppressed", i: number) => {
    contacts += 1;
    const digits = `6281${String(process.pid % 1000).padStart(3, "0")}${String(contacts).padStart(5, "0")}`;
    const contact = await prisma.contact.create({
      data: {
        workspaceId: tenant.workspace.id,
        phone: kind === "noPhone" ? null : `+${digits}`,
        name: i % 5 === 0 ? null : `Customer ${contacts}`,
        optedOutAt: kind === "optedOut" ? new Date() : null,
        suppressedAt: kind === "suppressed" ? new Date() : null,
      },
    });
    await prisma.contactGroupMember.create({ data: { groupId: group.id, contactId: contact.id } });
  };
  for (let i = 0; i < n; i++) await make("ok", i);
  for (let i = 0; i < (extras.optedOut ?? 0); i++) await make("optedOut", i);
  for (let i = 0; i < (extras.noPhone ?? 0); i++) await make("noPhone", i);
  for (let i = 0; i < (extras.suppressed ?? 0); i++) await make("suppressed", i);
  return group.id;
}

async function preparedCampaign(groupId: string, cap = 200): Promise<string> {
  await prisma.whatsappConnection.update({ where: { id: tenant.connection.id }, data: { throughputCap: cap } });
  const campaign = await prisma.campaign.create({
    data: {
      workspaceId: tenant.workspace.id,
      name: "December sale",
      templateId,
      connectionId: tenant.connection.id,
      status: "sending",
      audience: { everyone: false, segmentIds: [], groupIds: [groupId], tagIds: [] },
      variableMapping: { "body.1": { source: "field", field: "firstName", fallback: "there" } },
    },
  });
  await materialiseRecipients(scope(), { id: campaign.id, audience: campaign.audience, templateId, run: 1 });
  return campaign.id;
}

/** The emulator's sends of one campaign's recipients, by recipient id. */
async function receivedByRecipient(campaignId: string): Promise<Map<string, number>> {
  const ids = new Set((await prisma.campaignRecipient.findMany({ where: { campaignId }, select: { id: true } })).map((r) => r.id));
  const counts = new Map<string, number>();
  for (const sent of emulator.sentMessages()) {
    const id = sent.bizOpaqueCallbackData?.replace(/^cr:/, "");
    if (id && ids.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

describe("a campaign run", () => {
  it("skips contacts by reason and reaches every other recipient once, with its name or the fallback", async () => {
    emulator.setFaults({});
    const campaignId = await preparedCampaign(await audienceGroup(30, { optedOut: 2, noPhone: 1, suppressed: 1 }));
    const skipped = await prisma.campaignRecipient.groupBy({ by: ["skipReason"], where: { campaignId, status: "skipped" }, _count: true });
    expect(Object.fromEntries(skipped.map((s) => [s.skipReason, s._count]))).toEqual({ opted_out: 2, no_phone: 1, suppressed: 1 });

    expect(await runCampaignSend({ ...scope(), campaignId })).toBe("completed");

    const recipients = await prisma.campaignRecipient.findMany({ where: { campaignId, status: { not: "skipped" } } });
    expect(recipients).toHaveLength(30);
    expect(recipients.every((r) => r.status === "sent" && r.wamid && r.sentAt)).toBe(true);
    const received = await receivedByRecipient(campaignId);
    expect(received.size).toBe(30);
    expect([...received.values()].every((n) => n === 1)).toBe(true);
    const first = emulator.sentMessages().find((s) => s.bizOpaqueCallbackData === recipientCallbackData(recipients[0]!.id));
    expect(JSON.stringify(first?.request)).toMatch(/"text":"(Customer|there)/);

    const campaign = await prisma.campaign.findUniqueOrThrow({ where: { id: campaignId } });
    expect(campaign).toMatchObject({ status: "completed", totalCount: 34, sentCount: 30, skippedCount: 4, failedCount: 0 });
    // Each send is a template message in the contact's conversation.
    expect(await prisma.message.count({ where: { campaignRecipientId: { in: recipients.map((r) => r.id) }, type: "template", direction: "outbound" } })).toBe(30);
  });

  it("survives throughput errors and 5xx answers, with two senders at once, sending nobody twice", async () => {
    // Meta's bucket is smaller than our cap: 130429s back the number off; one in five answers is a 500.
    emulator.setFaults({ throughputPerSecond: 60, random5xxRate: 0.2 });
    const campaignId = await preparedCampaign(await audienceGroup(80), 200);
    const outcomes = await Promise.all([runCampaignSend({ ...scope(), campaignId }), runCampaignSend({ ...scope(), campaignId })]);
    expect(outcomes).toContain("completed");

    const statuses = await prisma.campaignRecipient.groupBy({ by: ["status"], where: { campaignId }, _count: true });
    expect(Object.fromEntries(statuses.map((s) => [s.status, s._count]))).toEqual({ sent: 80 });
    const received = await receivedByRecipient(campaignId);
    expect(received.size).toBe(80);
    expect(Math.max(...received.values())).toBe(1);
    expect((await prisma.campaign.findUniqueOrThrow({ where: { id: campaignId } })).sentCount).toBe(80);
  }, 60_000);

  it("delays only the recipient Meta's pair rate limit names (131056), and still reaches everyone once per campaign", async () => {
    // Two campaigns to the same people from one number at once: the second message to a person
    // within 1.5 s is refused with 131056 until the pair's window has passed.
    emulator.setFaults({ pairRateLimit: { messages: 1, windowMs: 1_500 } });
    const groupId = await audienceGroup(8);
    const [first, second] = [await preparedCampaign(groupId, 200), await preparedCampaign(groupId, 200)];
    try {
      expect(await Promise.all([runCampaignSend({ ...scope(), campaignId: first }), runCampaignSend({ ...scope(), campaignId: second })])).toEqual(["completed", "completed"]);
    } finally {
      emulator.setFaults({});
    }
    for (const campaignId of [first, second]) {
      expect(await prisma.campaignRecipient.count({ where: { campaignId, status: "sent" } })).toBe(8);
      const received = await receivedByRecipient(campaignId);
      expect(received.size).toBe(8);
      expect(Math.max(...received.values())).toBe(1);
    }
    // The refused sends were delayed (notBefore set), not failed and not counted as attempts.
    const delayed = await prisma.campaignRecipient.findMany({ where: { campaignId: { in: [first, second] }, notBefore: { not: null } } });
    expect(delayed.length).toBeGreaterThan(0);
    expect(delayed.every((r) => r.attempts === 1)).toBe(true);
  }, 30_000);

  it("fails a recipient Meta refuses for good, with Meta's code, and sends the rest", async () => {
    emulator.setFaults({});
    const groupId = await audienceGroup(5);
    const campaignId = await preparedCampaign(groupId);
    const victim = await prisma.campaignRecipient.findFirstOrThrow({ where: { campaignId }, include: { contact: true } });
    // The business's own number: Meta answers 131021 (recipient = sender), a permanent refusal.
    await prisma.campaignRecipient.update({ where: { id: victim.id }, data: { phone: "+15550100001" } });
    expect(await runCampaignSend({ ...scope(), campaignId })).toBe("completed");
    const failed = await prisma.campaignRecipient.findUniqueOrThrow({ where: { id: victim.id } });
    expect(failed).toMatchObject({ status: "failed", retryable: false });
    expect(failed.errorCode).not.toBeNull();
    expect((await prisma.campaign.findUniqueOrThrow({ where: { id: campaignId } })).failedCount).toBe(1);
  });

  it("pauses when Meta says the template is paused, failing nobody", async () => {
    emulator.setFaults({});
    const campaignId = await preparedCampaign(await audienceGroup(6));
    emulator.setTemplateStatus({ name: sale.name, language: sale.language }, "PAUSED");
    try {
      expect(await runCampaignSend({ ...scope(), campaignId })).toBe("paused");
    } finally {
      emulator.setTemplateStatus({ name: sale.name, language: sale.language }, "APPROVED");
    }
    const campaign = await prisma.campaign.findUniqueOrThrow({ where: { id: campaignId } });
    expect(campaign.status).toBe("paused");
    expect(campaign.statusReason).toMatchObject({ code: 132015 });
    expect(await prisma.campaignRecipient.count({ where: { campaignId, status: "failed" } })).toBe(0);
    expect(await prisma.campaignRecipient.count({ where: { campaignId, status: "queued" } })).toBe(6);
  });

  it("stops within a batch of a member's pause, leaving the rest queued", async () => {
    emulator.setFaults({});
    const campaignId = await preparedCampaign(await audienceGroup(60), 20);
    const run = runCampaignSend({ ...scope(), campaignId });
    await vi.waitFor(async () => expect(await prisma.campaignRecipient.count({ where: { campaignId, status: "sent" } })).toBeGreaterThan(0), { timeout: 5_000, interval: 50 });
    const pausedAt = Date.now();
    await prisma.campaign.update({ where: { id: campaignId }, data: { status: "paused" } });
    expect(await run).toBe("paused");
    expect(Date.now() - pausedAt).toBeLessThan(2_000);
    expect(await prisma.campaignRecipient.count({ where: { campaignId, status: "queued" } })).toBeGreaterThan(0);
  });
});
