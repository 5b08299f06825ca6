/**
 * Campaign recipients moved by webhooks (lib/services/campaigns/attribution): a status or reply
 * routed to A's number moves A's recipients only — callback data, a contact id or a campaign id
 * of B's never reach B's rows, and each function refuses B's ids when called for A.
 */
import { describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { attributeReply } from "@/lib/services/campaigns/attribution/reply";
import { suppressUndeliverable } from "@/lib/services/campaigns/attribution/contact-effects";
import { moveRecipientByStatus } from "@/lib/services/campaigns/attribution/recipient-status";
import { moveRecipientsByStatuses } from "@/lib/services/campaigns/attribution/recipient-status-batch";
import { processWebhookEventBatch } from "@/lib/services/webhooks/process-batch";
import { applyMetaOptOutOfContact } from "@/lib/services/contacts/consent";
import { createTenants, type Tenant } from "@/test/fixtures/tenants";
import { deliver, FIXTURE_OUTBOUND_WAMID, fixtureFor, store, tagged, type Payload, type TestNumber } from "@/test/webhooks/helpers";
import { uniqueSuffix } from "@/test/webhooks/unique";
import { untouched } from "./helpers";

vi.hoisted(() => {
  process.env.META_APP_SECRET = "test-platform-app-secret";
});

async function numberOf(tenant: Tenant): Promise<TestNumber> {
  const connection = await prisma.whatsappConnection.findUniqueOrThrow({ where: { id: tenant.connection.id } });
  return { workspaceId: tenant.workspace.id, connectionId: connection.id, phoneNumberId: connection.phoneNumberId, wabaId: connection.wabaId, secret: "test-platform-app-secret" };
}

/** B's campaign with one recipient the sender left 'sending' (no wamid): what crash reconciliation would settle. */
async function crashedRecipientOf(tenant: Tenant) {
  const campaign = await prisma.campaign.create({ data: { workspaceId: tenant.workspace.id, name: `c ${uniqueSuffix()}`, status: "sending" } });
  const recipient = await prisma.campaignRecipient.create({
    data: { workspaceId: tenant.workspace.id, campaignId: campaign.id, contactId: tenant.contacts[0]!.id, status: "sending", claimedAt: new Date() },
  });
  return { campaign, recipient };
}

/** Everything of B's campaigns these functions could write. */
async function campaignRows(tenant: Tenant) {
  const workspaceId = tenant.workspace.id;
  return {
    campaigns: await prisma.campaign.findMany({ where: { workspaceId }, orderBy: { id: "asc" } }),
    recipients: await prisma.campaignRecipient.findMany({ where: { workspaceId }, orderBy: { id: "asc" } }),
    contacts: await prisma.contact.findMany({ where: { workspaceId }, orderBy: { id: "asc" } }),
    consent: await prisma.consentEvent.count({ where: { workspaceId } }),
  };
}

async function campaignsUntouched(tenant: Tenant, act: () => Promise<void>): Promise<void> {
  const before = await campaignRows(tenant);
  await untouched(tenant, act);
  expect(await campaignRows(tenant)).toEqual(before);
}

describe("moveRecipientByStatus", () => {
  it("callback data naming B's recipient, through A's number, changes nothing of B", async () => {
    const { A, B } = await createTenants();
    const a = await numberOf(A);
    const theirs = await crashedRecipientOf(B);
    await campaignsUntouched(B, async () => {
      for (const kind of ["sent", "delivered", "read", "failed"]) {
        const payload = fixtureFor(`status-${kind}`, a, uniqueSuffix());
        const value = ((payload.entry as Payload[])[0]!.changes as Payload[])[0]!.value as Payload;
        const status = (value.statuses as Payload[])[0]!;
        status.biz_opaque_callback_data = `cr:${theirs.recipient.id}`;
        if (kind === "failed") ((status.errors as Payload[])[0]!).code = 131050;
        const outcome = await deliver(payload, { hooks: {} });
        expect(outcome.campaigns).toEqual([]);
      }
    });
  });

  it("called for A, never finds B's recipient by id or by wamid", async () => {
    const { A, B } = await createTenants();
    const theirs = await crashedRecipientOf(B);
    const wamid = tagged(FIXTURE_OUTBOUND_WAMID, uniqueSuffix());
    await prisma.campaignRecipient.update({ where: { id: theirs.recipient.id }, data: { wamid, status: "sent", sentAt: new Date() } });
    await campaignsUntouched(B, async () => {
      const moved = await prisma.$transaction((tx) =>
        moveRecipientByStatus(
          tx,
          A.workspace.id,
          { wamid, status: "delivered", timestamp: new Date(), recipientId: null, recipientUserId: null, bizOpaqueCallbackData: `cr:${theirs.recipient.id}`, errors: [], pricing: null, conversation: null },
          new Date(),
        ),
      );
      expect(moved).toBeNull();
    });
  });
});

describe("moveRecipientsByStatuses", () => {
  it("a batch through A's number naming B's recipients by callback and by wamid changes nothing of B", async () => {
    const { A, B } = await createTenants();
    const a = await numberOf(A);
    const crashed = await crashedRecipientOf(B);
    const sent = await crashedRecipientOf(B);
    const wamid = tagged(FIXTURE_OUTBOUND_WAMID, uniqueSuffix());
    await prisma.campaignRecipient.update({ where: { id: sent.recipient.id }, data: { wamid, status: "sent", sentAt: new Date() } });
    await campaignsUntouched(B, async () => {
      const ids: string[] = [];
      for (const kind of ["sent", "delivered", "read", "failed"]) {
        const payload = fixtureFor(`status-${kind}`, a, uniqueSuffix());
        const value = ((payload.entry as Payload[])[0]!.changes as Payload[])[0]!.value as Payload;
        const status = (value.statuses as Payload[])[0]!;
        status.biz_opaque_callback_data = `cr:${crashed.recipient.id}`;
        if (kind === "failed") ((status.errors as Payload[])[0]!).code = 131050;
        value.statuses = [status, { ...status, id: wamid, biz_opaque_callback_data: `cr:${sent.recipient.id}` }];
        ids.push(await store(payload));
      }
      const outcomes = await processWebhookEventBatch(ids, { hooks: {} });
      expect(outcomes.flatMap((o) => o.campaigns)).toEqual([]);
    });
  });

  it("called for A, never finds B's recipient by id or by wamid", async () => {
    const { A, B } = await createTenants();
    const crashed = await crashedRecipientOf(B);
    const sent = await crashedRecipientOf(B);
    const wamid = tagged(FIXTURE_OUTBOUND_WAMID, uniqueSuffix());
    await prisma.campaignRecipient.update({ where: { id: sent.recipient.id }, data: { wamid, status: "sent", sentAt: new Date() } });
    const update = { status: "delivered" as const, timestamp: new Date(), recipientId: null, recipientUserId: null, errors: [], pricing: null, conversation: null };
    await campaignsUntouched(B, async () => {
      const moved = await prisma.$transaction((tx) =>
        moveRecipientsByStatuses(tx, [
          { workspaceId: A.workspace.id, update: { ...update, wamid, bizOpaqueCallbackData: `cr:${sent.recipient.id}` }, receivedAt: new Date() },
          { workspaceId: A.workspace.id, update: { ...update, wamid: `${wamid}.other`, bizOpaqueCallbackData: `cr:${crashed.recipient.id}` }, receivedAt: new Date() },
        ]),
      );
      expect(moved).toEqual([null, null]);
    });
  });
});

describe("attributeReply", () => {
  it("called for A with B's contact and message, finds and tags nothing", async () => {
    const { A, B } = await createTenants();
    const theirs = await crashedRecipientOf(B);
    await prisma.campaignRecipient.update({ where: { id: theirs.recipient.id }, data: { status: "sent", sentAt: new Date(Date.now() - 60_000) } });
    const before = await prisma.message.findUniqueOrThrow({ where: { id: B.messages[0]!.id } });
    await campaignsUntouched(B, async () => {
      const reply = await prisma.$transaction((tx) =>
        attributeReply(tx, { workspaceId: A.workspace.id, contactId: B.contacts[0]!.id, messageId: B.messages[0]!.id, at: new Date() }),
      );
      expect(reply).toBeNull();
    });
    expect(await prisma.message.findUniqueOrThrow({ where: { id: B.messages[0]!.id } })).toEqual(before);
  });
});

describe("suppressUndeliverable", () => {
  it("called for A with B's contact, suppresses nothing", async () => {
    const { A, B } = await createTenants();
    await campaignsUntouched(B, async () => {
      const done = await prisma.$transaction((tx) =>
        suppressUndeliverable(tx, A.workspace.id, B.contacts[0]!.id, { code: 131026, title: "Message undeliverable", message: null, details: null }, new Date()),
      );
      expect(done).toBe(false);
    });
  });
});

describe("applyMetaOptOutOfContact", () => {
  it("called for A with B's contact, opts nobody out and records nothing", async () => {
    const { A, B } = await createTenants();
    await campaignsUntouched(B, async () => {
      expect(await prisma.$transaction((tx) => applyMetaOptOutOfContact(tx, A.workspace.id, B.contacts[0]!.id, "stopped"))).toBe(false);
    });
    expect(await prisma.consentEvent.count({ where: { workspaceId: A.workspace.id } })).toBe(0);
  });
});
