/**
 * Tenant isolation of the WhatsApp webhook (DESIGN.md invariant 1): a delivery for A's number
 * writes into A only, whatever it names of B — B's customers, B's message ids, B's templates —
 * and a delivery signed with A's own app secret cannot speak for B's number.
 */
import type * as NextServer from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { encryptSecret } from "@/lib/crypto/secrets";
import { applyStatusBatch } from "@/lib/services/webhooks/apply-status-batch";
import { processWebhookEventBatch } from "@/lib/services/webhooks/process-batch";
import { clearSignerCache } from "@/lib/services/webhooks/signing-secrets";
import { createTenants, type Tenant } from "@/test/fixtures/tenants";
import { deliver, fixtureFor, store, type Payload, type TestNumber, webhookRequest } from "@/test/webhooks/helpers";
import { uniqueSuffix } from "@/test/webhooks/unique";
import { untouched } from "./helpers";

vi.hoisted(() => {
  process.env.META_APP_SECRET = "test-platform-app-secret";
});

vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof NextServer>()),
  after: (await import("@/test/webhooks/after-queue")).enqueueAfter,
}));

async function numberOf(tenant: Tenant): Promise<TestNumber> {
  const connection = await prisma.whatsappConnection.findUniqueOrThrow({ where: { id: tenant.connection.id } });
  return {
    workspaceId: tenant.workspace.id,
    connectionId: connection.id,
    phoneNumberId: connection.phoneNumberId,
    wabaId: connection.wabaId,
    secret: "test-platform-app-secret",
  };
}

function firstValue(payload: Payload): Payload {
  return ((payload.entry as Payload[])[0]!.changes as Payload[])[0]!.value as Payload;
}

beforeEach(() => clearSignerCache());

describe("applyStatusBatch", () => {
  it("called for A with B's wamids, finds and moves nothing", async () => {
    const { A, B } = await createTenants();
    const bOutbound = B.messages.find((m) => m.wamid.endsWith(".outbound"))!;
    const update = { timestamp: new Date(), recipientId: null, recipientUserId: null, bizOpaqueCallbackData: null, errors: [], pricing: null, conversation: null };
    await untouched(B, async () => {
      const applied = await prisma.$transaction((tx) =>
        applyStatusBatch(tx, [
          { workspaceId: A.workspace.id, update: { ...update, wamid: bOutbound.wamid, status: "delivered" }, receivedAt: new Date() },
          { workspaceId: A.workspace.id, update: { ...update, wamid: bOutbound.wamid, status: "read" }, receivedAt: new Date() },
        ]),
      );
      expect(applied.map((s) => s.messageId)).toEqual([null, null]);
    });
  });
});

describe("WhatsApp webhook", () => {
  it("a delivery for A's number writes into A only, even from B's customers", async () => {
    const { A, B } = await createTenants();
    const a = await numberOf(A);
    await untouched(B, async () => {
      for (const name of ["text", "image", "order", "reaction", "system-user-changed-number", "batch-multi"]) {
        const payload = fixtureFor(name, a, uniqueSuffix());
        // B's customer (same phone in both tenants) writing to A's number.
        const text = JSON.stringify(payload).replaceAll("16505551234", B.contacts[0]!.phone.slice(1));
        await deliver(JSON.parse(text) as Payload);
      }
    });
    expect(
      await prisma.message.count({ where: { workspaceId: A.workspace.id, direction: "inbound", wamid: { startsWith: "wamid." } } }),
    ).toBeGreaterThan(6);
    expect(await prisma.webhookEvent.count({ where: { workspaceId: B.workspace.id } })).toBe(0);
  });

  it("naming B's message ids through A's number changes nothing of B: statuses, replies, reactions, redeliveries", async () => {
    const { A, B } = await createTenants();
    const a = await numberOf(A);
    const bOutbound = B.messages.find((m) => m.wamid.endsWith(".outbound"))!;
    const bInbound = B.messages.find((m) => m.wamid.endsWith(".inbound"))!;
    await untouched(B, async () => {
      for (const kind of ["sent", "delivered", "read", "failed"]) {
        const payload = fixtureFor(`status-${kind}`, a, uniqueSuffix());
        (firstValue(payload).statuses as Payload[])[0]!.id = bOutbound.wamid;
        await deliver(payload);
      }
      const reply = fixtureFor("text-reply", a, uniqueSuffix());
      ((firstValue(reply).messages as Payload[])[0]!.context as Payload).id = bOutbound.wamid;
      await deliver(reply);
      const reaction = fixtureFor("reaction", a, uniqueSuffix());
      ((firstValue(reaction).messages as Payload[])[0]!.reaction as Payload).message_id = bInbound.wamid;
      await deliver(reaction);
      const replay = fixtureFor("text", a, uniqueSuffix());
      (firstValue(replay).messages as Payload[])[0]!.id = bInbound.wamid;
      await deliver(replay);
    });
    const aMessages = await prisma.message.findMany({
      where: { workspaceId: A.workspace.id, replyToWamid: { in: [bOutbound.wamid, bInbound.wamid] } },
    });
    expect(aMessages).toHaveLength(2);
    expect(aMessages.map((m) => m.replyToId)).toEqual([null, null]); // never linked to B's rows
    expect(await prisma.message.count({ where: { wamid: bInbound.wamid } })).toBe(1);
  });

  it("a batch of statuses through A's number naming B's messages changes nothing of B", async () => {
    const { A, B } = await createTenants();
    const a = await numberOf(A);
    const bOutbound = B.messages.find((m) => m.wamid.endsWith(".outbound"))!;
    await untouched(B, async () => {
      const ids: string[] = [];
      for (const kind of ["sent", "delivered", "read", "failed"]) {
        const payload = fixtureFor(`status-${kind}`, a, uniqueSuffix());
        (firstValue(payload).statuses as Payload[])[0]!.id = bOutbound.wamid;
        ids.push(await store(payload));
      }
      const outcomes = await processWebhookEventBatch(ids);
      expect(outcomes.flatMap((o) => o.statuses.map((s) => s.messageId))).toEqual([null, null, null, null]);
    });
  });

  it("a template status on A's WABA never touches B's template of the same name and id", async () => {
    const { A, B } = await createTenants();
    const a = await numberOf(A);
    const data = {
      name: "order_confirmation",
      language: "en_US",
      category: "UTILITY" as const,
      status: "PENDING" as const,
      components: [],
      metaId: "1689556908129832",
    };
    const aTemplate = await prisma.template.create({ data: { ...data, workspaceId: A.workspace.id } });
    await prisma.template.create({ data: { ...data, workspaceId: B.workspace.id } });
    await untouched(B, async () => {
      await deliver(fixtureFor("template-approved", a, uniqueSuffix()));
      await deliver(fixtureFor("template-rejected", a, uniqueSuffix()));
    });
    expect(await prisma.template.findUniqueOrThrow({ where: { id: aTemplate.id } })).toMatchObject({ status: "REJECTED" });
  });

  it("A's own app secret cannot sign for B's number, nor for A's and B's together", async () => {
    const { A, B } = await createTenants();
    await prisma.whatsappConnection.update({
      where: { id: A.connection.id },
      data: { appSecretEncrypted: encryptSecret("a-own-app-secret") },
    });
    const [a, b] = [await numberOf(A), await numberOf(B)];
    const { POST } = await import("@/app/api/webhooks/whatsapp/route");
    const events = await prisma.webhookEvent.count();
    await untouched(B, async () => {
      const forB = fixtureFor("text", b, uniqueSuffix());
      expect((await POST(webhookRequest(forB, { secret: "a-own-app-secret" }))).status).toBe(401);
      const both = {
        object: "whatsapp_business_account",
        entry: [...(fixtureFor("text", a, uniqueSuffix()).entry as Payload[]), ...(forB.entry as Payload[])],
      };
      expect((await POST(webhookRequest(both, { secret: "a-own-app-secret" }))).status).toBe(401);
    });
    expect(await prisma.webhookEvent.count()).toBe(events);
  });
});
