/**
 * Tenant isolation for the WhatsApp connection settings: B's managers see, change, test and
 * disconnect only B's connection; A's stays exactly as it was.
 */
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { encryptSecret } from "@/lib/crypto/secrets";
import { clearOwnAppSecret, disconnect, getConnectionView, saveConnection } from "@/lib/services/whatsapp/connections";
import { testConnection } from "@/lib/services/whatsapp/test-connection";
import { createTenants } from "@/test/fixtures/tenants";
import { expectNothingOf, rejection, untouched } from "./helpers";

describe("getConnectionView", () => {
  it("shows B's connection only", async () => {
    const { A, B } = await createTenants();
    const view = await getConnectionView(B.admin.ctx);
    expect(view?.id).toBe(B.connection.id);
    expectNothingOf(A, view);
  });
});

describe("saveConnection", () => {
  it("changes B's connection, and cannot take A's phone number id", async () => {
    const { A, B } = await createTenants();
    await untouched(A, async () => {
      await saveConnection(B.owner.ctx, { phoneNumberId: "300000000000009", wabaId: "400000000000009", accessToken: "", appSecret: "", webhookVerifyToken: "b-verify-token", throughputCap: 50 });
      const error = await rejection(
        saveConnection(B.owner.ctx, { phoneNumberId: A.connection.phoneNumberId, wabaId: "400000000000009", accessToken: "", appSecret: "", webhookVerifyToken: "b-verify-token", throughputCap: 50 }),
      );
      // Refused by the index that routes webhooks; the existence of A's number is all it implies.
      expect(error).toMatchObject({ code: "conflict", messageKey: "phoneNumberInUse" });
    });
    expect((await prisma.whatsappConnection.findUniqueOrThrow({ where: { id: B.connection.id } })).phoneNumberId).toBe("300000000000009");
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
