/**
 * Connection settings against the WhatsApp emulator: secrets stored encrypted and never returned,
 * the permission matrix, and "Test connection" recording what Meta says about the number.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secrets";
import { ACME_PHONE_NUMBER, startWhatsAppEmulator, type RunningEmulator } from "@/local/whatsapp-emulator";
import { createTenant } from "@/test/fixtures/tenants";
import { rejection } from "@/test/tenant-isolation/helpers";
import { getConnectionView, saveConnection } from "./connections";
import { testConnection } from "./test-connection";

// The Graph API location is read once from the environment; here it is the emulator's (port 0).
const graph = vi.hoisted(() => ({ url: "" }));
vi.mock("@/lib/whatsapp/config", () => ({ graphApiBaseUrl: () => graph.url, graphApiVersion: () => "v23.0" }));

/** A second business on the same emulator: its own number, WABA and token. */
const OTHER_BUSINESS = {
  ...ACME_PHONE_NUMBER,
  phoneNumberId: "100000000000077",
  wabaId: "200000000000077",
  displayPhoneNumber: "+1 555-010-0077",
  verifiedName: "Other Business",
  accessToken: "other-business-token",
};
/** A number of the second business's WABA that Acme's token also reaches (one system user holding both). */
const SHARED_ACCESS = { ...OTHER_BUSINESS, phoneNumberId: "100000000000078", displayPhoneNumber: "+1 555-010-0078", accessToken: ACME_PHONE_NUMBER.accessToken };

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startWhatsAppEmulator({ port: 0, appSecret: "test-app-secret", phoneNumbers: [ACME_PHONE_NUMBER, OTHER_BUSINESS, SHARED_ACCESS] });
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
  await prisma.whatsappConnection.deleteMany({
    where: { OR: [{ workspaceId: tenant.workspace.id }, { phoneNumberId: { in: [ACME_PHONE_NUMBER.phoneNumberId, OTHER_BUSINESS.phoneNumberId] } }] },
  });
  emulator.reset();
  return tenant;
}

describe("saveConnection", () => {
  it("brings the account's templates in with the number (Meta's APPROVED samples of the emulator's WABA)", async () => {
    const t = await freshTenant();
    await saveConnection(t.owner.ctx, input);
    const templates = await prisma.template.findMany({ where: { workspaceId: t.workspace.id }, orderBy: { name: "asc" }, select: { name: true, status: true, metaId: true } });
    expect(templates.map((row) => [row.name, row.status])).toEqual([
      ["hello_world", "APPROVED"],
      ["order_shipped", "APPROVED"],
    ]);
    expect(templates.every((row) => row.metaId)).toBe(true);
  });

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

describe("saveConnection proves ownership with Meta", () => {
  const connectionCount = () => prisma.whatsappConnection.count({ where: { phoneNumberId: ACME_PHONE_NUMBER.phoneNumberId } });

  it("keeps what Meta says about the number and subscribes the app to the WABA", async () => {
    const t = await freshTenant();
    const view = await saveConnection(t.owner.ctx, input);
    expect(view).toMatchObject({ displayPhoneNumber: ACME_PHONE_NUMBER.displayPhoneNumber, verifiedName: "Acme", qualityRating: "GREEN" });
    expect(view.lastCheckedAt).toBeInstanceOf(Date);
    expect(emulator.subscribedWabas()).toEqual([ACME_PHONE_NUMBER.wabaId]);
  });

  it("refuses a token Meta does not know, pointing at the token", async () => {
    const t = await freshTenant();
    const error = await rejection(saveConnection(t.owner.ctx, { ...input, accessToken: "not-the-token" }));
    expect(error).toMatchObject({ code: "invalid", messageKey: "accessTokenRejected", field: "accessToken" });
    expect(String(error.params.reason)).toContain("#190");
    expect(await connectionCount()).toBe(0);
  });

  it("refuses another business's number claimed with my own valid token, and saves nothing", async () => {
    const t = await freshTenant();
    const error = await rejection(saveConnection(t.owner.ctx, { ...input, accessToken: OTHER_BUSINESS.accessToken }));
    expect(error).toMatchObject({ code: "invalid", messageKey: "phoneNumberNotReachable", field: "phoneNumberId" });
    expect(String(error.params.reason)).toContain("#100");
    expect(await connectionCount()).toBe(0);
    expect(emulator.subscribedWabas()).toEqual([]);
  });

  it("refuses a WABA the token cannot reach", async () => {
    const t = await freshTenant();
    const claim = { ...input, phoneNumberId: OTHER_BUSINESS.phoneNumberId, accessToken: OTHER_BUSINESS.accessToken }; // Acme's WABA
    expect(await rejection(saveConnection(t.owner.ctx, claim))).toMatchObject({ code: "invalid", messageKey: "wabaNotReachable", field: "wabaId" });
    expect(await prisma.whatsappConnection.count({ where: { workspaceId: t.workspace.id } })).toBe(0);
    // The same number with its own WABA is the rightful claim.
    const mine = await saveConnection(t.owner.ctx, { ...claim, wabaId: OTHER_BUSINESS.wabaId });
    expect(mine.verifiedName).toBe("Other Business");
    expect(emulator.subscribedWabas()).toEqual([OTHER_BUSINESS.wabaId]);
  });

  it("refuses a number that is not in the WABA given, even when the token reaches both", async () => {
    const t = await freshTenant();
    const error = await rejection(saveConnection(t.owner.ctx, { ...input, wabaId: SHARED_ACCESS.wabaId }));
    expect(error).toMatchObject({ code: "invalid", messageKey: "phoneNumberNotInWaba", field: "wabaId" });
    expect(await connectionCount()).toBe(0);
    expect(emulator.subscribedWabas()).toEqual([]);
  });

  it("proves again when the number changes and the form keeps the stored token", async () => {
    const t = await freshTenant();
    await saveConnection(t.owner.ctx, input);
    const error = await rejection(
      saveConnection(t.owner.ctx, { ...input, phoneNumberId: OTHER_BUSINESS.phoneNumberId, wabaId: OTHER_BUSINESS.wabaId, accessToken: "" }),
    );
    expect(error).toMatchObject({ messageKey: "phoneNumberNotReachable" });
    const row = await prisma.whatsappConnection.findFirstOrThrow({ where: { workspaceId: t.workspace.id } });
    expect(row.phoneNumberId).toBe(ACME_PHONE_NUMBER.phoneNumberId);
  });

  it("tells someone who proved ownership that the number is in another workspace, without naming it", async () => {
    const first = await freshTenant();
    await saveConnection(first.owner.ctx, input);
    const second = await createTenant("D");
    const error = await rejection(saveConnection(second.owner.ctx, input));
    expect(error).toMatchObject({ code: "conflict", messageKey: "phoneNumberInUse", field: "phoneNumberId", params: {} });
    expect(JSON.stringify(error)).not.toContain(first.workspace.name);
    // The second workspace keeps its own (fixture) connection as it was.
    const kept = await prisma.whatsappConnection.findFirstOrThrow({ where: { workspaceId: second.workspace.id } });
    expect(kept.phoneNumberId).toBe(second.connection.phoneNumberId);
  });

  it("refuses a made-up phone number id with Meta's reason", async () => {
    const t = await freshTenant();
    const error = await rejection(saveConnection(t.owner.ctx, { ...input, phoneNumberId: "100000000099999" }));
    expect(error).toMatchObject({ code: "invalid", messageKey: "phoneNumberNotReachable", field: "phoneNumberId" });
    expect(String(error.params.reason)).toContain("#100");
  });

  it("says when Meta cannot be reached, and saves nothing", async () => {
    const t = await freshTenant();
    const saved = graph.url;
    graph.url = "http://127.0.0.1:9";
    try {
      expect(await rejection(saveConnection(t.owner.ctx, input))).toMatchObject({ messageKey: "connectionUnreachable" });
    } finally {
      graph.url = saved;
    }
    expect(await connectionCount()).toBe(0);
  });

  it("does not call Meta again for settings that do not change the claim", async () => {
    const t = await freshTenant();
    await saveConnection(t.owner.ctx, input);
    const saved = graph.url;
    graph.url = "http://127.0.0.1:9"; // would fail if called
    try {
      const view = await saveConnection(t.owner.ctx, { ...input, accessToken: "", appSecret: "", throughputCap: 200 });
      expect(view.throughputCap).toBe(200);
    } finally {
      graph.url = saved;
    }
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

  it("explains Meta's refusal of a token revoked since it was saved", async () => {
    const t = await freshTenant();
    await saveConnection(t.owner.ctx, input);
    await prisma.whatsappConnection.updateMany({ where: { workspaceId: t.workspace.id }, data: { accessTokenEncrypted: encryptSecret("not-the-token") } });
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
