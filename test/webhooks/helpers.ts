/**
 * Webhook test kit: Meta's payload fixtures (test/fixtures/meta/*.json) pointed at a test
 * workspace's number, signed like Meta signs them, and the rows they should produce.
 *
 * Test files set the platform secret before lib/env loads (vi.hoisted cannot see imports, so
 * repeat the literal): vi.hoisted(() => { process.env.META_APP_SECRET = "test-platform-app-secret"; });
 * APP_ENCRYPTION_KEY comes from vitest.config.ts.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { prisma } from "@/lib/db";
import { encryptSecret } from "@/lib/crypto/secrets";
import type { MessageStatus } from "@/lib/generated/prisma/enums";
import type { EventOutcome } from "@/lib/services/webhooks/outcome";
import type { ProcessOptions } from "@/lib/services/webhooks/process-event";
import { uniqueSuffix } from "@/test/webhooks/unique";
import { signWebhookBody } from "@/lib/whatsapp/webhook/signature";

export const PLATFORM_SECRET = "test-platform-app-secret";

/** The customer of the fixtures. */
export const FIXTURE_WA_ID = "16505551234";
/** The business message every status fixture reports on. */
export const FIXTURE_OUTBOUND_WAMID = "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJFNkE4OTQ5NTE4NkVFMDNENDcA";

export type Payload = Record<string, unknown>;

const FIXTURES = path.join(process.cwd(), "test", "fixtures", "meta");

export function loadFixture(name: string): Payload {
  return JSON.parse(readFileSync(path.join(FIXTURES, `${name}.json`), "utf8")) as Payload;
}

export interface TestNumber {
  workspaceId: string;
  connectionId: string;
  phoneNumberId: string;
  wabaId: string;
  /** The secret its webhooks are signed with. */
  secret: string;
}

/** A workspace with one WhatsApp number; `appSecret` = its own Meta app, else the platform's. */
export async function createNumber(label = "ws", options: { appSecret?: string; wabaId?: string } = {}): Promise<TestNumber> {
  const suffix = uniqueSuffix();
  const workspace = await prisma.workspace.create({ data: { name: `${label} ${suffix}`, slug: `${label}-${suffix}`.toLowerCase() } });
  const phoneNumberId = `1065403${suffix}`;
  const wabaId = options.wabaId ?? `1022901${suffix}`;
  const connection = await prisma.whatsappConnection.create({
    data: {
      workspaceId: workspace.id,
      phoneNumberId,
      wabaId,
      accessTokenEncrypted: encryptSecret("test-access-token"),
      appSecretEncrypted: options.appSecret ? encryptSecret(options.appSecret) : null,
      webhookVerifyToken: `verify-${suffix}`,
    },
  });
  return { workspaceId: workspace.id, connectionId: connection.id, phoneNumberId, wabaId, secret: options.appSecret ?? PLATFORM_SECRET };
}

/** The payload with every change addressed to `number` (entry id = its WABA, metadata = its phone number id). */
export function retarget(payload: Payload, number: Pick<TestNumber, "phoneNumberId" | "wabaId">): Payload {
  const copy = structuredClone(payload);
  for (const entry of (copy.entry as Payload[] | undefined) ?? []) {
    entry.id = number.wabaId;
    for (const change of (entry.changes as Payload[] | undefined) ?? []) {
      const value = change.value as Payload;
      const metadata = value.metadata as Payload | undefined;
      if (metadata) metadata.phone_number_id = number.phoneNumberId;
    }
  }
  return copy;
}

/** Every wamid made unique to this test (`wamid.X` → `wamid.<tag>.X`), so files can reuse a fixture. */
export function withTag(payload: Payload, tag: string): Payload {
  return JSON.parse(JSON.stringify(payload).replaceAll('"wamid.', `"wamid.${tag}.`)) as Payload;
}

export function tagged(wamid: string, tag: string): string {
  return wamid.replace(/^wamid\./, `wamid.${tag}.`);
}

/** A fixture for `number`, with wamids tagged by `tag`. */
export function fixtureFor(name: string, number: TestNumber, tag: string): Payload {
  return withTag(retarget(loadFixture(name), number), tag);
}

export interface SignOptions {
  secret?: string;
  /** Overrides the computed header (null: no header at all). */
  signature?: string | null;
  headers?: Record<string, string>;
}

/** A POST as Meta sends it: raw JSON body and `X-Hub-Signature-256`. */
export function webhookRequest(body: Payload | string | Uint8Array, options: SignOptions = {}): Request {
  const bytes: Uint8Array<ArrayBuffer> =
    typeof body === "string"
      ? new TextEncoder().encode(body)
      : body instanceof Uint8Array
        ? new Uint8Array(body)
        : new TextEncoder().encode(JSON.stringify(body));
  const signature = options.signature === undefined ? signWebhookBody(bytes, options.secret ?? PLATFORM_SECRET) : options.signature;
  const headers: Record<string, string> = { "content-type": "application/json", ...options.headers };
  if (signature !== null) headers["x-hub-signature-256"] = signature;
  return new Request("http://localhost/api/webhooks/whatsapp", { method: "POST", headers, body: bytes });
}

/** An outbound message of ours (as the send path stores it) for status fixtures to report on. */
export async function createOutbound(number: TestNumber, wamid: string, status: MessageStatus = "pending"): Promise<string> {
  const contact = await prisma.contact.upsert({
    where: { workspaceId_waId: { workspaceId: number.workspaceId, waId: FIXTURE_WA_ID } },
    create: { workspaceId: number.workspaceId, waId: FIXTURE_WA_ID, phone: `+${FIXTURE_WA_ID}` },
    update: {},
  });
  const conversation =
    (await prisma.conversation.findFirst({ where: { contactId: contact.id, isOpen: true } })) ??
    (await prisma.conversation.create({
      data: { workspaceId: number.workspaceId, contactId: contact.id, connectionId: number.connectionId },
    }));
  const message = await prisma.message.create({
    data: {
      workspaceId: number.workspaceId,
      conversationId: conversation.id,
      contactId: contact.id,
      connectionId: number.connectionId,
      direction: "outbound",
      type: "template",
      content: { name: "order_confirmation", language: { code: "en_US" } },
      wamid,
      status,
    },
  });
  return message.id;
}

/** Row counts of everything a delivery can write, for "nothing changed" and "same rows" checks. */
export async function countRows(): Promise<Record<string, number>> {
  const [events, contacts, conversations, messages, media, templates] = await Promise.all([
    prisma.webhookEvent.count(),
    prisma.contact.count(),
    prisma.conversation.count(),
    prisma.message.count(),
    prisma.media.count(),
    prisma.template.count(),
  ]);
  return { events, contacts, conversations, messages, media, templates };
}

/** Stores a signed delivery the way the route does (verified, one insert); returns the event id. */
export async function store(payload: Payload | string, secret = PLATFORM_SECRET): Promise<string> {
  const { ingestWebhook } = await import("@/lib/services/webhooks/ingest-webhook");
  const body = new TextEncoder().encode(typeof payload === "string" ? payload : JSON.stringify(payload));
  const result = await ingestWebhook({ body, signatureHeader: signWebhookBody(body, secret) });
  if (result.outcome === "duplicate") throw new Error("delivery already stored (same body): use redeliver() to test processing a copy");
  if (result.outcome !== "stored") throw new Error(`delivery refused: ${result.status} ${result.reason}`);
  return result.eventId;
}

/**
 * The same delivery's content in other bytes (copy 1, 2, …: indented JSON), as Meta sends a
 * message again in another batch: the body-hash dedupe cannot catch it, processing must.
 */
export function redelivery(payload: Payload, copy: number): string {
  return JSON.stringify(payload, null, copy);
}

/** Stores and processes a delivery (what the route and its `after()` do together). */
export async function deliver(payload: Payload | string, options: ProcessOptions & { secret?: string } = {}): Promise<EventOutcome> {
  const { processWebhookEvent } = await import("@/lib/services/webhooks/process-event");
  return processWebhookEvent(await store(payload, options.secret), options);
}
