/**
 * Connection settings against the WhatsApp emulator: secrets stored encrypted and never returned,
 * the permission matrix, and "Test connection" recording what Meta says about the number.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { decryptSecret } from "@/lib/crypto/secrets";
import { ACME_PHONE_NUMBER, startWhatsAppEmulator, type RunningEmulator } from "@/local/whatsapp-emulator";
import { createTenant } from "@/test/fixtures/tenants";
import { rejection } from "@/test/tenant-isolation/helpers";
import { getConnectionView, saveConnection } from "./connections";
import { testConnection } from "./test-connection";

// The Graph API location is read once from the environment; here it is the emulator's (port 0).
const graph = vi.hoisted(() => ({ url: "" }));
vi.mock("@/lib/whatsapp/config", () => ({ graphApiBaseUrl: () => graph.url, graphApiVersion: () => "v23.0" }));

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startWhatsAppEmulator({ port: 0, appSecret: "test-app-secret" });
  graph.url = emulator.url;
});
afterAll(() => emulator.stop());

const input = {
  phoneNumberId: ACME_PHONE_NUMBER.phoneNumberId,
  wabaId: ACME_PHONE_NUMBER.wabaId,
  accessToken: ACME_PHONE_NUMBER.accessToken,
  appSecret: "own-app-secret",
  webhookVerifyToken: "verify-me-please",
  throughputCap: 120,
};

async function freshTenant() {
  const tenant = await createTenant("C");
  // One emulator number, one workspace at a time (a phone number id routes webhooks to one workspace).
  await prisma.whatsappConnection.deleteMany({ where: { OR: [{ workspaceId: tenant.workspace.id }, { phoneNumberId: ACME_PHONE_NUMBER.phoneNumberId }] } });
  return tenant;
}

describe("saveConnection", () => {
  it("stores secrets encrypted and never returns them", async () => {
    const t = await freshTenant();
    const view = await saveConnection(t.admin.ctx, input);
    expect(JSON.stringify(view)).not.toContain(ACME_PHONE_NUMBER.accessToken);
    expect(JSON.stringify(view)).not.toContain("own-app-secret");
    expect(view).toMatchObject({ hasAccessToken: true, hasOwnAppSecret: true, throughputCap: 120 });
    const row = await prisma.whatsappConnection.findFirstOrThrow({ where: { workspaceId: t.workspace.id } });
    expect(row.accessTokenEncrypted).not.toContain(ACME_PHONE_NUMBER.accessToken);
    expect(decryptSecret(row.accessTokenEncrypted)).toBe(ACME_PHONE_NUMBER.accessToken);
    expect(decryptSecret(row.appSecretEncrypted!)).toBe("own-app-secret");
  });

  it("keeps stored secrets when the form leaves them empty", async () => {
    const t = await freshTenant();
    await saveConnection(t.owner.ctx, input);
    await saveConnection(t.owner.ctx, { ...input, accessToken: "", appSecret: "", throughputCap: 90 });
    const row = await prisma.whatsappConnection.findFirstOrThrow({ where: { workspaceId: t.workspace.id } });
    expect(decryptSecret(row.accessTokenEncrypted)).toBe(ACME_PHONE_NUMBER.accessToken);
    expect(row.throughputCap).toBe(90);
  });

  it("needs an access token to connect, and refuses agents", async () => {
    const t = await freshTenant();
    expect(await rejection(saveConnection(t.owner.ctx, { ...input, accessToken: "" }))).toMatchObject({ code: "invalid", field: "accessToken" });
    expect(await rejection(saveConnection(t.agent.ctx, input))).toMatchObject({ code: "forbidden" });
    expect(await rejection(getConnectionView(t.agent.ctx))).toMatchObject({ code: "forbidden" });
    expect(await prisma.whatsappConnection.count({ where: { workspaceId: t.workspace.id } })).toBe(0);
  });
});

describe("testConnection", () => {
  it("records the number's details from the Graph API", async () => {
    const t = await freshTenant();
    await saveConnection(t.owner.ctx, input);
    const result = await testConnection(t.owner.ctx);
    expect(result.verifiedName).toBe(ACME_PHONE_NUMBER.verifiedName);
    const view = await getConnectionView(t.owner.ctx);
    expect(view).toMatchObject({ displayPhoneNumber: ACME_PHONE_NUMBER.displayPhoneNumber, verifiedName: ACME_PHONE_NUMBER.verifiedName });
    expect(view?.qualityRating).toBeTruthy();
    expect(view?.throughputLevel).toBeTruthy();
    expect(view?.lastCheckedAt).toBeInstanceOf(Date);
  });

  it("explains Meta's refusal of a bad token", async () => {
    const t = await freshTenant();
    await saveConnection(t.owner.ctx, { ...input, accessToken: "not-the-token" });
    const error = await rejection(testConnection(t.owner.ctx));
    expect(error).toMatchObject({ code: "invalid", messageKey: "connectionTestFailed" });
    expect(String(error.params.reason)).toContain("#190");
  });

  it("says when Meta cannot be reached", async () => {
    const t = await freshTenant();
    await saveConnection(t.owner.ctx, input);
    const saved = graph.url;
    graph.url = "http://127.0.0.1:9"; // nothing listens on the discard port
    try {
      expect(await rejection(testConnection(t.owner.ctx))).toMatchObject({ messageKey: "connectionUnreachable" });
    } finally {
      graph.url = saved;
    }
  });
});
