/**
 * Tenant isolation for the WhatsApp connection settings: B's managers see, change, test and
 * disconnect only B's connection; A's stays exactly as it was.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { encryptSecret } from "@/lib/crypto/secrets";
import { clearOwnAppSecret, disconnect, getConnectionView, saveConnection } from "@/lib/services/whatsapp/connections";
import { connectionById, connectionForWorkspace } from "@/lib/services/whatsapp/connection-secrets";
import { testConnection } from "@/lib/services/whatsapp/test-connection";
import { createTenants } from "@/test/fixtures/tenants";
import { ACME_PHONE_NUMBER, startWhatsAppEmulator, type RunningEmulator } from "@/local/whatsapp-emulator";
import { expectNothingOf, rejection, untouched } from "./helpers";

// Saving a connection proves ownership with Meta: here the emulator, with a number for each tenant.
const graph = vi.hoisted(() => ({ url: "" }));
vi.mock("@/lib/whatsapp/config", () => ({ graphApiBaseUrl: () => graph.url, graphApiVersion: () => "v23.0" }));
const NUMBER_A = { ...ACME_PHONE_NUMBER, phoneNumberId: "300000000000008", wabaId: "400000000000008", accessToken: "token-of-a" };
const NUMBER_B = { ...ACME_PHONE_NUMBER, phoneNumberId: "300000000000009", wabaId: "400000000000009", accessToken: "token-of-b" };
let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startWhatsAppEmulator({ port: 0, appSecret: "isolation-secret", phoneNumbers: [NUMBER_A, NUMBER_B] });
  graph.url = emulator.url;
});
afterAll(() => emulator.stop());

describe("getConnectionView", () => {
  it("shows B's connection only", async () => {
    const { A, B } = await createTenants();
    const view = await getConnectionView(B.admin.ctx);
    expect(view?.id).toBe(B.connection.id);
    expectNothingOf(A, view);
  });
});

describe("saveConnection", () => {
  it("changes B's connection, and cannot take A's phone number, with B's token or with A's", async () => {
    const { A, B } = await createTenants();
    await prisma.whatsappConnection.deleteMany({ where: { phoneNumberId: { in: [NUMBER_A.phoneNumberId, NUMBER_B.phoneNumberId] } } });
    await prisma.whatsappConnection.update({
      where: { id: A.connection.id },
      data: { phoneNumberId: NUMBER_A.phoneNumberId, wabaId: NUMBER_A.wabaId, accessTokenEncrypted: encryptSecret(NUMBER_A.accessToken) },
    });
    const form = { appSecret: "", webhookVerifyToken: "b-verify-token", throughputCap: 50 };
    await untouched(A, async () => {
      await saveConnection(B.owner.ctx, { ...form, phoneNumberId: NUMBER_B.phoneNumberId, wabaId: NUMBER_B.wabaId, accessToken: NUMBER_B.accessToken });
      // B's token cannot reach A's number: refused before anything about A could be implied.
      const unproven = await rejection(saveConnection(B.owner.ctx, { ...form, phoneNumberId: NUMBER_A.phoneNumberId, wabaId: NUMBER_A.wabaId, accessToken: "" }));
      expect(unproven).toMatchObject({ code: "invalid", messageKey: "phoneNumberNotReachable" });
      // Even holding A's token, the number stays A's: refused by the index that routes webhooks.
      const taken = await rejection(
        saveConnection(B.owner.ctx, { ...form, phoneNumberId: NUMBER_A.phoneNumberId, wabaId: NUMBER_A.wabaId, accessToken: NUMBER_A.accessToken }),
      );
      expect(taken).toMatchObject({ code: "conflict", messageKey: "phoneNumberInUse" });
      expectNothingOf(A, [unproven.params, taken.params]);
    });
    expect((await prisma.whatsappConnection.findUniqueOrThrow({ where: { id: B.connection.id } })).phoneNumberId).toBe(NUMBER_B.phoneNumberId);
  });
});

describe("clearOwnAppSecret", () => {
  it("clears B's app secret only", async () => {
    const { A, B } = await createTenants();
    await prisma.whatsappConnection.update({ where: { id: A.connection.id }, data: { appSecretEncrypted: encryptSecret("a-secret") } });
    await untouched(A, () => clearOwnAppSecret(B.owner.ctx));
  });
});

describe("disconnect", () => {
  it("removes B's connection only", async () => {
    const { A, B } = await createTenants();
    await untouched(A, () => disconnect(B.owner.ctx));
    expect(await prisma.whatsappConnection.count({ where: { workspaceId: B.workspace.id } })).toBe(0);
  });
});

describe("testConnection", () => {
  it("tests B's connection with B's token and records nothing on A", async () => {
    const { A, B } = await createTenants();
    await prisma.whatsappConnection.update({ where: { id: B.connection.id }, data: { accessTokenEncrypted: encryptSecret("b-token") } });
    await untouched(A, async () => {
      // The fixture's ids are not Meta's numeric ids, so the client refuses before any request.
      expect((await rejection(testConnection(B.owner.ctx))).messageKey).toBe("connectionTestFailed");
    });
  });
});

/** The fixture's tokens are not encrypted; the secret readers decrypt them. */
async function withEncryptedTokens(...connectionIds: string[]): Promise<void> {
  for (const id of connectionIds) {
    await prisma.whatsappConnection.update({ where: { id }, data: { accessTokenEncrypted: encryptSecret(`token-${id}`) } });
  }
}

describe("connectionForWorkspace", () => {
  it("gives B's connection with B's secrets, never A's", async () => {
    const { A, B } = await createTenants();
    await withEncryptedTokens(A.connection.id, B.connection.id);
    const connection = await connectionForWorkspace(B.workspace.id);
    expect(connection).toMatchObject({ id: B.connection.id, accessToken: `token-${B.connection.id}` });
    expectNothingOf(A, connection);
  });
});

describe("connectionById", () => {
  it("finds nothing when B names A's connection", async () => {
    const { A, B } = await createTenants();
    await withEncryptedTokens(A.connection.id, B.connection.id);
    expect(await connectionById(B.workspace.id, A.connection.id)).toBeNull();
    expect((await connectionById(B.workspace.id, B.connection.id))?.id).toBe(B.connection.id);
  });
});
