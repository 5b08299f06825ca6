/**
 * Tenant isolation of keeping media (DESIGN.md invariant 1): B's members retry, attach and set
 * retention for B only; naming A's media id gets the same 404 as an id that does not exist, and
 * A's rows and files stay exactly as they were.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import type * as StorageModule from "@/lib/storage";
import type { Storage } from "@/lib/storage";
import { prepareOutboundMedia } from "@/lib/services/media/outbound/prepare-outbound-media";
import { retryMediaDownload } from "@/lib/services/media/retry-media-download";
import { updateMediaRetention } from "@/lib/services/workspaces/update-media-retention";
import type { RunningEmulator } from "@/local/whatsapp-emulator";
import { sampleMedia } from "@/local/whatsapp-emulator/media-samples";
import { createTenants, type Tenant } from "@/test/fixtures/tenants";
import { connectedTenant, emulatorNumber, startEmulator, startStorage, type TestStorage } from "@/test/media/harness";
import { expectNothingOf, rejection, untouched } from "./helpers";

const at = vi.hoisted(() => ({ graphUrl: "", storage: undefined as Storage | undefined }));
vi.mock("@/lib/whatsapp/config", () => ({ graphApiBaseUrl: () => at.graphUrl, graphApiVersion: () => "v23.0" }));
vi.mock("@/lib/storage", async (importOriginal) => ({
  ...(await importOriginal<typeof StorageModule>()),
  getStorage: () => at.storage,
}));

const numbers = { A: emulatorNumber("Alpha"), B: emulatorNumber("Beta") };
let emulator: RunningEmulator;
let store: TestStorage;

beforeAll(async () => {
  emulator = await startEmulator([numbers.A, numbers.B]);
  at.graphUrl = emulator.url;
  store = await startStorage("disk");
  at.storage = store.storage;
});
afterAll(async () => {
  await emulator.stop();
  await store.stop();
});

async function mediaOf(tenant: Tenant, status: "unavailable" | "stored" | "pending" | "deleted") {
  return prisma.media.create({
    data: {
      workspaceId: tenant.workspace.id,
      messageId: tenant.messages[0]!.id,
      metaMediaId: "1234567890123456",
      mimeType: "image/jpeg",
      status,
      error: status === "unavailable" ? "Meta answered HTTP 500" : null,
    },
  });
}

describe("retryMediaDownload", () => {
  it("finds nothing of A: A's media id is a plain 404 for B's members, and A changes in no way", async () => {
    const { A, B } = await createTenants();
    const aMedia = [await mediaOf(A, "unavailable"), await mediaOf(A, "stored"), await mediaOf(A, "deleted")];
    await untouched(A, async () => {
      for (const media of aMedia) {
        for (const member of [B.owner, B.admin, B.agent]) {
          expect(await rejection(retryMediaDownload(member.ctx, media.id))).toMatchObject({
            code: "not_found",
            messageKey: "mediaNotFound",
          });
        }
      }
      expect(await rejection(retryMediaDownload(B.owner.ctx, "no-such-media"))).toMatchObject({
        code: "not_found",
        messageKey: "mediaNotFound",
      });
    });
  });

  it("answers B about B's own media only", async () => {
    const { A, B } = await createTenants();
    const bStored = await mediaOf(B, "stored");
    const state = await retryMediaDownload(B.agent.ctx, bStored.id);
    expect(state).toMatchObject({ id: bStored.id, status: "stored" });
    expectNothingOf(A, state);
  });
});

describe("prepareOutboundMedia", () => {
  it("stores and uploads B's attachment under B's workspace and B's number only", async () => {
    const A = await connectedTenant("A", numbers.A);
    const B = await connectedTenant("B", numbers.B);
    await untouched(A, async () => {
      const prepared = await prepareOutboundMedia(B.agent.ctx, { bytes: sampleMedia("document").bytes, filename: "invoice.pdf" });
      expect(prepared.workspaceId).toBe(B.workspace.id);
      expect(prepared.storageKey.startsWith(`w/${B.workspace.id}/`)).toBe(true);
      expect(emulator.media().find((media) => media.id === prepared.metaMediaId)?.phoneNumberId).toBe(numbers.B.phoneNumberId);
      expectNothingOf(A, prepared);
    });
    expect(await prisma.media.count({ where: { workspaceId: A.workspace.id } })).toBe(0);
  });
});

describe("updateMediaRetention", () => {
  it("changes B's setting only", async () => {
    const { A, B } = await createTenants();
    await prisma.workspace.update({ where: { id: A.workspace.id }, data: { mediaRetentionDays: 365 } });
    await untouched(A, async () => {
      expect(await updateMediaRetention(B.owner.ctx, 14)).toEqual({ mediaRetentionDays: 14 });
      expect(await updateMediaRetention(B.admin.ctx, null)).toEqual({ mediaRetentionDays: null });
      expect(await rejection(updateMediaRetention(B.agent.ctx, 1))).toMatchObject({ code: "forbidden" });
    });
    expect((await prisma.workspace.findUniqueOrThrow({ where: { id: A.workspace.id } })).mediaRetentionDays).toBe(365);
  });
});
