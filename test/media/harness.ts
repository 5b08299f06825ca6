/**
 * Media test kit: the WhatsApp emulator delivering real webhooks to the real route handler, a
 * workspace connected to one of its numbers, and real storage drivers (disk in a temp folder, S3
 * over the wire to s3rver).
 *
 * Test files mock three modules before anything imports them (vi.mock is hoisted per file), and
 * set META_APP_SECRET to PLATFORM_SECRET (the emulator signs with it):
 *
 *   const at = vi.hoisted(() => {
 *     process.env.META_APP_SECRET = "test-platform-app-secret";
 *     return { graphUrl: "", storage: undefined as Storage | undefined };
 *   });
 *   vi.mock("@/lib/whatsapp/config", () => ({ graphApiBaseUrl: () => at.graphUrl, graphApiVersion: () => "v23.0" }));
 *   vi.mock("next/server", async (importOriginal) => ({
 *     ...(await importOriginal<typeof NextServer>()),
 *     after: (await import("@/test/webhooks/after-queue")).enqueueAfter,
 *   }));
 *   vi.mock("@/lib/storage", async (importOriginal) => ({
 *     ...(await importOriginal<typeof StorageModule>()),
 *     getStorage: () => at.storage,
 *   }));
 */
import { randomInt } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { prisma } from "@/lib/db";
import { encryptSecret } from "@/lib/crypto/secrets";
import { createDiskStorage, storageFromEnv, type Storage } from "@/lib/storage";
import { startS3Server } from "@/lib/storage/testing/s3-server";
import { type EmulatorPhoneNumber, type RunningEmulator, startWhatsAppEmulator } from "@/local/whatsapp-emulator";
import { createTenant, type Tenant } from "@/test/fixtures/tenants";
import { PLATFORM_SECRET } from "@/test/webhooks/helpers";

export { PLATFORM_SECRET };
export const CUSTOMER = "6281234567800";

export interface TestStorage {
  name: "disk" | "s3";
  storage: Storage;
  stop(): Promise<void>;
}

export async function startStorage(driver: "disk" | "s3"): Promise<TestStorage> {
  if (driver === "s3") {
    const server = await startS3Server();
    return { name: "s3", storage: storageFromEnv(server.env), stop: () => server.stop() };
  }
  const root = await mkdtemp(path.join(tmpdir(), "parley-media-"));
  return { name: "disk", storage: createDiskStorage({ root }), stop: () => rm(root, { recursive: true, force: true }) };
}

/** Counts `put`s per key: the way to see that a thumbnail was made once. */
export function countingStorage(inner: Storage): Storage & { puts: string[] } {
  const puts: string[] = [];
  return {
    driver: inner.driver,
    redirectDownloads: inner.redirectDownloads,
    puts,
    put: (key, body, options) => {
      puts.push(key);
      return inner.put(key, body, options);
    },
    get: (key, options) => inner.get(key, options),
    head: (key) => inner.head(key),
    delete: (key) => inner.delete(key),
    signedUrl: (key, options) => inner.signedUrl(key, options),
  };
}

export async function readStored(from: Storage, key: string): Promise<Buffer | null> {
  const object = await from.get(key);
  if (!object) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of object.stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/** Forwards the emulator's webhook POSTs to the real route handler (app/api/webhooks/whatsapp). */
export async function startWebhookForwarder(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
      const { POST } = await import("@/app/api/webhooks/whatsapp/route");
      const response = await POST(
        new Request("http://localhost/api/webhooks/whatsapp", { method: "POST", headers, body: Buffer.concat(chunks) }),
      );
      res.writeHead(response.status).end(await response.text());
    })().catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/whatsapp`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let numbers = 0;

/** A number of the emulator's own, unique to this test file. */
export function emulatorNumber(label = "Acme"): EmulatorPhoneNumber {
  numbers += 1;
  const suffix = `${String(numbers).padStart(2, "0")}${String(randomInt(10_000)).padStart(4, "0")}`;
  return {
    phoneNumberId: `10000000${suffix}1`,
    wabaId: `20000000${suffix}1`,
    displayPhoneNumber: "+1 555-010-0001",
    verifiedName: label,
    accessToken: `token-${label.toLowerCase()}-${suffix}`,
  };
}

export async function startEmulator(numbers: EmulatorPhoneNumber[], webhookUrl?: string): Promise<RunningEmulator> {
  return startWhatsAppEmulator({ port: 0, appSecret: PLATFORM_SECRET, webhookUrl, phoneNumbers: numbers });
}

/** A populated tenant (test/fixtures/tenants) whose connection is the emulator's `number`. */
export async function connectedTenant(label: string, number: EmulatorPhoneNumber): Promise<Tenant> {
  const tenant = await createTenant(label);
  await prisma.whatsappConnection.update({
    where: { id: tenant.connection.id },
    data: { phoneNumberId: number.phoneNumberId, wabaId: number.wabaId, accessTokenEncrypted: encryptSecret(number.accessToken) },
  });
  return { ...tenant, connection: { id: tenant.connection.id, phoneNumberId: number.phoneNumberId } };
}
