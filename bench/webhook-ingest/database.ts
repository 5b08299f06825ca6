/**
 * The benchmark's database: a fresh schema on a real Postgres (DATABASE_URL's server, else the
 * machine's Postgres on 127.0.0.1:5432), seeded with one workspace, its WhatsApp connection (signed
 * by the platform META_APP_SECRET) and the outbound messages the status deliveries refer to.
 * Never the embedded PGlite: the figures are about production's database.
 */
import { randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { encryptSecret } from "@/lib/crypto/secrets";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { pgConfig } from "@/lib/db/url";
import { isPostgresUp } from "@/local/postgres/embedded";
import { createIsolatedSchemaUrl, dropIsolatedSchema } from "@/scripts/lib/database";
import type { Plan } from "./deliveries";

export const MACHINE_POSTGRES_URL = "postgresql://root@127.0.0.1:5432/postgres";

export interface BenchDatabase {
  /** `…?schema=bench_…`: the isolated schema. */
  url: string;
  /** Where the server is, for the report (no credentials). */
  server: string;
  prisma: PrismaClient;
  drop(): Promise<void>;
}

function describe(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
}

/** DATABASE_URL if set, else the machine's Postgres if it answers; throws a clear message otherwise. */
export async function openBenchDatabase(configured: string | undefined): Promise<BenchDatabase> {
  let base = configured;
  if (base && !(await isPostgresUp(pgConfig(base).config.connectionString ?? base, 5_000))) {
    throw new Error(`it measures on a real Postgres, and DATABASE_URL (${describe(base)}) does not answer.`);
  }
  if (!base) {
    if (!(await isPostgresUp(MACHINE_POSTGRES_URL, 2_000))) {
      throw new Error(
        "it measures on a real Postgres: set DATABASE_URL, or start the machine's Postgres " +
          `(${MACHINE_POSTGRES_URL}; e.g. pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start).`,
      );
    }
    base = MACHINE_POSTGRES_URL;
  }
  const url = await createIsolatedSchemaUrl(base, "bench");
  const { config, schema } = pgConfig(url, { max: 4 });
  const prisma = new PrismaClient({ adapter: new PrismaPg(config, schema ? { schema } : undefined) });
  let dropped = false;
  return {
    url,
    server: describe(base),
    prisma,
    async drop() {
      if (dropped) return;
      dropped = true;
      await prisma.$disconnect().catch(() => {});
      await dropIsolatedSchema(url);
    },
  };
}

const CHUNK = 2_000;

async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

/**
 * The workspace the deliveries route to: its connection (appSecretEncrypted null, so META_APP_SECRET
 * signs), a contact and open conversation per known customer, and our outbound messages (status
 * `sent`, no per-status timestamps yet) whose statuses the deliveries report; for a statuses-only
 * plan, the campaign those messages belong to, with one recipient per message.
 */
export async function seedWorkspace(
  prisma: PrismaClient,
  plan: Plan,
  encryptionKey: string,
): Promise<{ workspaceId: string; campaignId?: string }> {
  const workspace = await prisma.workspace.create({
    data: { name: "Bench", slug: `bench-${randomBytes(4).toString("hex")}` },
    select: { id: true },
  });
  const workspaceId = workspace.id;
  const connection = await prisma.whatsappConnection.create({
    data: {
      workspaceId,
      phoneNumberId: plan.phone.phoneNumberId,
      wabaId: plan.phone.wabaId,
      displayPhoneNumber: plan.phone.displayPhoneNumber,
      verifiedName: plan.phone.verifiedName,
      accessTokenEncrypted: encryptSecret(plan.phone.accessToken, encryptionKey),
      appSecretEncrypted: null,
      webhookVerifyToken: randomBytes(16).toString("hex"),
      throughputCap: 1_000,
    },
    select: { id: true },
  });

  const contactIds = plan.customers.map((_, i) => `benchcontact${i}`);
  const conversationIds = plan.customers.map((_, i) => `benchconversation${i}`);
  await inChunks(
    plan.customers.map((waId, i) => ({
      id: contactIds[i]!,
      workspaceId,
      waId,
      phone: `+${waId}`,
      profileName: `Customer ${waId.slice(-4)}`,
    })),
    (data) => prisma.contact.createMany({ data }),
  );
  await inChunks(
    plan.customers.map((_, i) => ({ id: conversationIds[i]!, workspaceId, contactId: contactIds[i]!, connectionId: connection.id })),
    (data) => prisma.conversation.createMany({ data }),
  );
  const customerIndex = new Map(plan.customers.map((waId, i) => [waId, i]));
  // A campaign in the middle of its run: every message accepted by Meta (recipient `sent`, its
  // wamid and sentAt written by the sender, sentCount counted), no status reported yet.
  let campaignId: string | undefined;
  if (plan.campaign) {
    const sentAt = new Date(Date.now() - 120_000);
    const campaign = await prisma.campaign.create({
      data: {
        workspaceId,
        connectionId: connection.id,
        name: "Bench campaign",
        status: "sending",
        startedAt: sentAt,
        totalCount: plan.outbound.length,
        sentCount: plan.outbound.length,
      },
      select: { id: true },
    });
    campaignId = campaign.id;
    await inChunks(
      plan.outbound.map((message) => {
        const i = customerIndex.get(message.waId)!;
        return {
          id: message.recipientId!,
          workspaceId,
          campaignId: campaign.id,
          contactId: contactIds[i]!,
          phone: `+${message.waId}`,
          status: "sent" as const,
          wamid: message.wamid,
          claimedAt: sentAt,
          sentAt,
        };
      }),
      (data) => prisma.campaignRecipient.createMany({ data }),
    );
  }
  await inChunks(
    plan.outbound.map((message) => {
      const i = customerIndex.get(message.waId)!;
      return {
        ...(message.recipientId ? { campaignRecipientId: message.recipientId } : {}),
        workspaceId,
        conversationId: conversationIds[i]!,
        contactId: contactIds[i]!,
        connectionId: connection.id,
        direction: "outbound" as const,
        type: "text" as const,
        content: { text: { body: "Your order has shipped." } },
        previewText: "Your order has shipped.",
        wamid: message.wamid,
        status: "sent" as const,
      };
    }),
    (data) => prisma.message.createMany({ data }),
  );
  return { workspaceId, campaignId };
}
