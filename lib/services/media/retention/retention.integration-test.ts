/**
 * Media retention: the workspace setting (updateMediaRetention) and the daily clean-up, which
 * deletes the bytes of media past their workspace's limit — and only those — keeping every row.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import type * as StorageModule from "@/lib/storage";
import type { Storage } from "@/lib/storage";
import { encryptSecret } from "@/lib/crypto/secrets";
import { clientForConnection } from "@/lib/services/whatsapp/client-for";
import type { ConnectionWithSecrets } from "@/lib/services/whatsapp/connection-secrets";
import { updateMediaRetention } from "@/lib/services/workspaces/update-media-retention";
import type { WhatsAppClient } from "@/lib/whatsapp/client";
import { createTenant, type Tenant } from "@/test/fixtures/tenants";
import { startStorage, type TestStorage } from "@/test/media/harness";
import { rejection } from "@/test/tenant-isolation/helpers";
import { downloadMedia } from "../inbound/download-media";
import { storeMediaBytes } from "../store-bytes";
import { cleanUpExpiredMedia } from "./clean-up-expired-media";

const at = vi.hoisted(() => ({ storage: undefined as Storage | undefined }));
vi.mock("@/lib/storage", async (importOriginal) => ({
  ...(await importOriginal<typeof StorageModule>()),
  getStorage: () => at.storage,
}));

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date("2026-11-20T03:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

let store: TestStorage;
beforeAll(async () => {
  store = await startStorage("disk");
  at.storage = store.storage;
});
afterAll(() => store.stop());

/** A stored inbound photo (original + thumbnail in storage) attached to one of the tenant's messages. */
async function storedPhoto(tenant: Tenant, createdAt: Date) {
  const { default: sharp } = await import("sharp");
  const bytes = await sharp({ create: { width: 40, height: 40, channels: 3, background: "#cc3300" } })
    .jpeg()
    .toBuffer();
  const media = await prisma.media.create({
    data: {
      workspaceId: tenant.workspace.id,
      messageId: tenant.messages[0]!.id,
      mimeType: "image/jpeg",
      metaMediaId: "1111222233334444",
      createdAt,
    },
  });
  const stored = await storeMediaBytes(media, bytes, "image/jpeg", store.storage);
  expect(stored.thumbnailKey).not.toBeNull();
  await prisma.media.update({ where: { id: media.id }, data: { status: "stored", ...stored } });
  return { id: media.id, storageKey: stored.storageKey, thumbnailKey: stored.thumbnailKey! };
}

const statusOf = async (id: string) => (await prisma.media.findUniqueOrThrow({ where: { id } })).status;

describe("cleanUpExpiredMedia", () => {
  it("deletes only what is past each workspace's limit: bytes gone, row deleted with keys cleared, messages kept", async () => {
    const month = await createTenant("M");
    const week = await createTenant("W");
    const forever = await createTenant("F");
    await prisma.workspace.update({ where: { id: month.workspace.id }, data: { mediaRetentionDays: 30 } });
    await prisma.workspace.update({ where: { id: week.workspace.id }, data: { mediaRetentionDays: 7 } });

    const monthOld = await storedPhoto(month, daysAgo(31));
    const monthYoung = await storedPhoto(month, daysAgo(29));
    const weekOld = await storedPhoto(week, daysAgo(8));
    const weekYoung = await storedPhoto(week, daysAgo(6));
    const ancient = await storedPhoto(forever, daysAgo(3650));
    const unavailable = await prisma.media.create({
      data: { workspaceId: week.workspace.id, mimeType: "video/mp4", status: "unavailable", error: "too large", createdAt: daysAgo(20) },
    });
    const messages = await prisma.message.count();

    const result = await cleanUpExpiredMedia({ now: NOW, storage: store.storage });
    expect(result).toMatchObject({ deleted: 3, failed: 0, incomplete: false });
    expect(result.workspaces).toBeGreaterThanOrEqual(2);

    for (const gone of [monthOld, weekOld]) {
      expect(await prisma.media.findUniqueOrThrow({ where: { id: gone.id } })).toMatchObject({
        status: "deleted",
        storageKey: null,
        thumbnailKey: null,
      });
      expect(await store.storage.head(gone.storageKey)).toBeNull();
      expect(await store.storage.head(gone.thumbnailKey)).toBeNull();
    }
    expect(await statusOf(unavailable.id)).toBe("deleted");
    for (const kept of [monthYoung, weekYoung, ancient]) {
      expect(await prisma.media.findUniqueOrThrow({ where: { id: kept.id } })).toMatchObject({
        status: "stored",
        storageKey: kept.storageKey,
      });
      expect(await store.storage.head(kept.storageKey)).not.toBeNull();
      expect(await store.storage.head(kept.thumbnailKey)).not.toBeNull();
    }
    expect(await prisma.message.count()).toBe(messages);
    expect(await prisma.media.findUniqueOrThrow({ where: { id: monthOld.id }, select: { messageId: true } })).toEqual({
      messageId: month.messages[0]!.id,
    });

    // Idempotent: a second run (another scheduler, a retry) finds nothing more.
    expect(await cleanUpExpiredMedia({ now: NOW, storage: store.storage })).toMatchObject({ deleted: 0 });
  });

  it("redoes a run that crashed between deleting the bytes and marking the row", async () => {
    const tenant = await createTenant("C");
    await prisma.workspace.update({ where: { id: tenant.workspace.id }, data: { mediaRetentionDays: 1 } });
    const photo = await storedPhoto(tenant, daysAgo(2));
    await store.storage.delete(photo.storageKey); // the crashed run got this far
    expect(await cleanUpExpiredMedia({ now: NOW, storage: store.storage })).toMatchObject({ deleted: 1 });
    expect(await statusOf(photo.id)).toBe("deleted");
    expect(await store.storage.head(photo.thumbnailKey)).toBeNull();
  });

  it("keeps a row whose file storage could not delete, for the next run", async () => {
    const tenant = await createTenant("K");
    await prisma.workspace.update({ where: { id: tenant.workspace.id }, data: { mediaRetentionDays: 1 } });
    const photo = await storedPhoto(tenant, daysAgo(2));
    const failing: Storage = {
      ...store.storage,
      delete: async () => {
        throw new Error("storage is down");
      },
    };
    expect(await cleanUpExpiredMedia({ now: NOW, storage: failing })).toMatchObject({ deleted: 0, failed: 1 });
    expect(await statusOf(photo.id)).toBe("stored");
    expect(await cleanUpExpiredMedia({ now: NOW, storage: store.storage })).toMatchObject({ deleted: 1, failed: 0 });
  });

  it("marks expired pending media deleted, and a download that finishes afterwards drops its bytes", async () => {
    const tenant = await createTenant("P");
    await prisma.workspace.update({ where: { id: tenant.workspace.id }, data: { mediaRetentionDays: 1 } });
    const pending = await prisma.media.create({
      data: { workspaceId: tenant.workspace.id, mimeType: "image/jpeg", metaMediaId: "1111222233335555", createdAt: daysAgo(3) },
    });
    expect(await cleanUpExpiredMedia({ now: NOW, storage: store.storage })).toMatchObject({ deleted: 1 });
    expect(await statusOf(pending.id)).toBe("deleted");
    expect(await downloadMedia(pending.id)).toBe("not_claimed");

    // A download already running when the clean-up marks its row: the bytes it stores are removed.
    const racing = await prisma.media.create({
      data: { workspaceId: tenant.workspace.id, mimeType: "application/pdf", metaMediaId: "1111222233336666", createdAt: daysAgo(3) },
    });
    await prisma.whatsappConnection.update({
      where: { id: tenant.connection.id },
      data: { accessTokenEncrypted: encryptSecret("token"), phoneNumberId: "100000000009999", wabaId: "200000000009999" },
    });
    const bytes = Buffer.from("%PDF-1.4 racing");
    const slowMeta = (connection: ConnectionWithSecrets): WhatsAppClient => ({
      ...clientForConnection(connection),
      getMediaMetadata: async (id) => ({
        id,
        url: "https://example.invalid/m",
        mimeType: "application/pdf",
        sha256: null,
        fileSize: bytes.length,
      }),
      downloadMedia: async () => {
        await cleanUpExpiredMedia({ now: NOW, storage: store.storage }); // runs meanwhile
        return { bytes, mimeType: "application/pdf", size: bytes.length };
      },
    });
    expect(await downloadMedia(racing.id, { clientFor: slowMeta, storage: store.storage })).toBe("not_claimed");
    expect(await prisma.media.findUniqueOrThrow({ where: { id: racing.id } })).toMatchObject({ status: "deleted", storageKey: null });
    expect(await store.storage.head(`w/${tenant.workspace.id}/media/${racing.id}/original.pdf`)).toBeNull();
  });
});

describe("updateMediaRetention", () => {
  it("sets and clears the limit for owners and admins, with an audit entry", async () => {
    const tenant = await createTenant("R");
    expect(await updateMediaRetention(tenant.owner.ctx, 90)).toEqual({ mediaRetentionDays: 90 });
    expect(await updateMediaRetention(tenant.admin.ctx, null)).toEqual({ mediaRetentionDays: null });
    expect(await updateMediaRetention(tenant.admin.ctx, 3650)).toEqual({ mediaRetentionDays: 3650 });
    expect((await prisma.workspace.findUniqueOrThrow({ where: { id: tenant.workspace.id } })).mediaRetentionDays).toBe(3650);
    expect(await prisma.auditLog.count({ where: { workspaceId: tenant.workspace.id, action: "workspace.media_retention_updated" } })).toBe(
      3,
    );
  });

  it("refuses agents and values that are not 1 to 3650 whole days, changing nothing", async () => {
    const tenant = await createTenant("V");
    await updateMediaRetention(tenant.owner.ctx, 30);
    expect(await rejection(updateMediaRetention(tenant.agent.ctx, 7))).toMatchObject({ code: "forbidden" });
    for (const bad of [0, -1, 3651, 1.5, Number.NaN]) {
      expect(await rejection(updateMediaRetention(tenant.owner.ctx, bad))).toMatchObject({
        code: "invalid",
        messageKey: "mediaRetentionInvalid",
        field: "mediaRetentionDays",
        params: { min: 1, max: 3650 },
      });
    }
    expect((await prisma.workspace.findUniqueOrThrow({ where: { id: tenant.workspace.id } })).mediaRetentionDays).toBe(30);
  });
});
