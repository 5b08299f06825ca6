/**
 * Customer media, kept: the emulator sends real webhooks to the real route, processing stores the
 * Media rows, and the download step fetches every kind of media from the emulator (metadata, URL,
 * bytes with the token), checks it, and stores it byte for byte — on disk and on S3 (s3rver).
 * Then everything that goes wrong: expired URLs, 5xx, corrupted bytes, oversized files, crashes.
 */
import { createHash } from "node:crypto";
import type * as NextServer from "next/server";
import sharp from "sharp";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import type * as StorageModule from "@/lib/storage";
import type { Storage } from "@/lib/storage";
import { clientForConnection } from "@/lib/services/whatsapp/client-for";
import type { WhatsAppClient } from "@/lib/whatsapp/client";
import type { EmulatorPhoneNumber, RunningEmulator } from "@/local/whatsapp-emulator";
import type { Tenant } from "@/test/fixtures/tenants";
import {
  connectedTenant,
  countingStorage,
  CUSTOMER,
  emulatorNumber,
  readStored,
  startEmulator,
  startStorage,
  startWebhookForwarder,
  type TestStorage,
} from "@/test/media/harness";
import { discardAfter, drainAfter } from "@/test/webhooks/after-queue";
import { processPendingWebhookEvents } from "@/lib/services/webhooks/recover";
import { retryMediaDownload } from "../retry-media-download";
import { THUMBNAIL_MAX_PX } from "../thumbnail";
import { enableMediaDownloads, mediaDownloadsIdle } from "./background";
import { claimMedia, LEASE_MS } from "./claim";
import { downloadMedia, MAX_DOWNLOAD_ATTEMPTS } from "./download-media";
import { downloadPendingMedia } from "./sweep";

const at = vi.hoisted(() => {
  process.env.META_APP_SECRET = "test-platform-app-secret";
  return { graphUrl: "", storage: undefined as Storage | undefined };
});
vi.mock("@/lib/whatsapp/config", () => ({ graphApiBaseUrl: () => at.graphUrl, graphApiVersion: () => "v23.0" }));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof NextServer>()),
  after: (await import("@/test/webhooks/after-queue")).enqueueAfter,
}));
vi.mock("@/lib/storage", async (importOriginal) => ({
  ...(await importOriginal<typeof StorageModule>()),
  getStorage: () => at.storage,
}));

const noWait = async () => undefined;
const MINUTE = 60_000;

let emulator: RunningEmulator;
let forwarder: Awaited<ReturnType<typeof startWebhookForwarder>>;
const numbers: Record<"disk" | "s3", EmulatorPhoneNumber> = { disk: emulatorNumber("Disk"), s3: emulatorNumber("Sthree") };

beforeAll(async () => {
  forwarder = await startWebhookForwarder();
  emulator = await startEmulator([numbers.disk, numbers.s3], forwarder.url);
  at.graphUrl = emulator.url;
});
afterAll(async () => {
  await mediaDownloadsIdle();
  await emulator.stop();
  await forwarder.close();
});
afterEach(() => {
  emulator.setFaults({});
  enableMediaDownloads(false);
});

type SendInput = Parameters<RunningEmulator["sendAsCustomer"]>[0];

describe.each(["disk", "s3"] as const)("inbound media on %s storage", (driver) => {
  let store: TestStorage;
  let tenant: Tenant;
  const number = numbers[driver];

  beforeAll(async () => {
    store = await startStorage(driver);
    tenant = await connectedTenant(driver === "disk" ? "D" : "S", number);
  });
  afterAll(() => store.stop());

  /** A customer message through the emulator, the webhook route and its after() work. */
  async function receive(input: Omit<SendInput, "from" | "phoneNumberId">, options: { downloads?: boolean } = {}) {
    at.storage = store.storage;
    enableMediaDownloads(options.downloads ?? true, { waitInHook: true });
    const sent = await emulator.sendAsCustomer({ from: CUSTOMER, phoneNumberId: number.phoneNumberId, ...input });
    expect(sent.delivered).toBe(true);
    await drainAfter();
    const message = await prisma.message.findUniqueOrThrow({ where: { wamid: sent.wamid }, include: { media: true } });
    expect(message.workspaceId).toBe(tenant.workspace.id);
    expect(message.media).toHaveLength(1);
    return { sent, message, media: message.media[0]!, metaBytes: emulator.mediaBytes(sent.mediaId!)! };
  }

  const mediaRow = (id: string) => prisma.media.findUniqueOrThrow({ where: { id } });

  it.each([
    ["image", "image/jpeg", "jpg"],
    ["video", "video/mp4", "mp4"],
    ["audio", "audio/ogg", "ogg"],
    ["voice", "audio/ogg; codecs=opus", "ogg"],
    ["document", "application/pdf", "pdf"],
    ["sticker", "image/webp", "webp"],
  ] as const)("keeps a customer's %s byte for byte (%s)", async (type, mimeType, extension) => {
    const { media, metaBytes, message } = await receive({ type, ...(type === "document" ? { filename: "quote.pdf" } : {}) });
    const row = await mediaRow(media.id);
    expect(row).toMatchObject({
      status: "stored",
      direction: "inbound",
      mimeType,
      fileSize: metaBytes.length,
      sha256: createHash("sha256").update(metaBytes).digest("hex"),
      storageKey: `w/${tenant.workspace.id}/media/${media.id}/original.${extension}`,
      attempts: 1,
      error: null,
      nextAttemptAt: null,
    });
    expect((await readStored(store.storage, row.storageKey!))!.equals(metaBytes)).toBe(true);
    expect(await store.storage.head(row.storageKey!)).toMatchObject({ size: metaBytes.length, contentType: mimeType });
    if (type === "document") expect(row.filename).toBe("quote.pdf");
    expect(message.type).toBe(type === "voice" ? "audio" : type);
    if (type === "image") {
      expect(row.thumbnailKey).toBe(`w/${tenant.workspace.id}/media/${media.id}/thumbnail.webp`);
      const thumbnail = await sharp((await readStored(store.storage, row.thumbnailKey!))!).metadata();
      expect(thumbnail).toMatchObject({ format: "webp", width: 8, height: 8 });
    } else {
      expect(row.thumbnailKey).toBeNull();
    }
  });

  it("makes a photo's thumbnail once, at most 320 px, and reuses it when a crashed run is redone", async () => {
    const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#3366cc" } })
      .jpeg()
      .toBuffer();
    const counting = countingStorage(store.storage);
    at.storage = counting;
    enableMediaDownloads(true, { waitInHook: true });
    const sent = await emulator.sendAsCustomer({
      from: CUSTOMER,
      phoneNumberId: number.phoneNumberId,
      type: "image",
      mediaBase64: photo.toString("base64"),
      mimeType: "image/jpeg",
    });
    await drainAfter();
    const media = await prisma.media.findFirstOrThrow({ where: { message: { wamid: sent.wamid } } });
    expect(media.status).toBe("stored");
    const thumbnail = await sharp((await readStored(store.storage, media.thumbnailKey!))!).metadata();
    expect(Math.max(thumbnail.width ?? 0, thumbnail.height ?? 0)).toBe(THUMBNAIL_MAX_PX);
    expect(thumbnail).toMatchObject({ width: 320, height: 213 });
    expect(counting.puts.filter((key) => key === media.thumbnailKey)).toHaveLength(1);

    // A run that stored the bytes and crashed before recording them: the redo keeps the thumbnail.
    await prisma.media.update({
      where: { id: media.id },
      data: { status: "pending", storageKey: null, thumbnailKey: null, nextAttemptAt: null },
    });
    expect(await downloadMedia(media.id, { storage: counting })).toBe("stored");
    expect(counting.puts.filter((key) => key === media.thumbnailKey)).toHaveLength(1);
    expect(await mediaRow(media.id)).toMatchObject({ status: "stored", thumbnailKey: media.thumbnailKey });
    // Stored media are not claimed again.
    expect(await downloadMedia(media.id, { storage: counting })).toBe("not_claimed");
  });

  it("gets a fresh URL when the one it holds has expired", async () => {
    const { media, metaBytes } = await receive({ type: "document" }, { downloads: false });
    expect(media.status).toBe("pending");
    let metadataCalls = 0;
    const expiring = (connection: Parameters<typeof clientForConnection>[0]): WhatsAppClient => {
      const client = clientForConnection(connection);
      return {
        ...client,
        getMediaMetadata: async (id, options) => {
          const node = await client.getMediaMetadata(id, options);
          // The URL dies between the metadata and the download (5 minutes passed, say).
          if (++metadataCalls === 1) emulator.expireMediaUrls();
          return node;
        },
      };
    };
    expect(await downloadMedia(media.id, { clientFor: expiring, sleep: noWait })).toBe("stored");
    expect(metadataCalls).toBe(2);
    const row = await mediaRow(media.id);
    expect(row).toMatchObject({ status: "stored", attempts: 1 });
    expect((await readStored(store.storage, row.storageKey!))!.equals(metaBytes)).toBe(true);
  });

  it("retries a 5xx on the download and succeeds once it clears", async () => {
    const { media, metaBytes } = await receive({ type: "video" }, { downloads: false });
    emulator.setFaults({ mediaDownload5xxRate: 1 });
    const waits: number[] = [];
    const result = await downloadMedia(media.id, {
      sleep: async (ms) => {
        waits.push(ms);
        emulator.setFaults({}); // Meta recovers during the backoff
      },
    });
    expect(result).toBe("stored");
    expect(waits).toEqual([1_000]);
    const row = await mediaRow(media.id);
    expect(row).toMatchObject({ status: "stored", attempts: 1, error: null });
    expect((await readStored(store.storage, row.storageKey!))!.equals(metaBytes)).toBe(true);
  });

  it("leaves a persistently failing download unavailable with the reason; retryMediaDownload succeeds after the fault clears", async () => {
    const { media, metaBytes } = await receive({ type: "audio" }, { downloads: false });
    emulator.setFaults({ mediaDownload5xxRate: 1 });
    let now = Date.now();
    const results: string[] = [];
    for (let run = 0; run < MAX_DOWNLOAD_ATTEMPTS + 2; run++) {
      now += 6 * 60 * MINUTE; // past any backoff step
      const sweep = await downloadPendingMedia({ now: () => new Date(now), sleep: noWait, freshMs: 0 });
      results.push(...Object.entries(sweep).flatMap(([key, count]) => (key !== "due" && count > 0 ? [key] : [])));
    }
    expect(results).toEqual([...Array<string>(MAX_DOWNLOAD_ATTEMPTS - 1).fill("retrying"), "unavailable"]);
    const row = await mediaRow(media.id);
    expect(row).toMatchObject({ status: "unavailable", attempts: MAX_DOWNLOAD_ATTEMPTS, storageKey: null, nextAttemptAt: null });
    expect(row.error).toMatch(/download URL|HTTP 500/);
    expect(row.error).toContain(`attempt ${MAX_DOWNLOAD_ATTEMPTS}`);

    emulator.setFaults({});
    at.storage = store.storage;
    const state = await retryMediaDownload(tenant.agent.ctx, media.id);
    expect(state).toMatchObject({ id: media.id, status: "stored", error: null, fileSize: metaBytes.length });
    const stored = await mediaRow(media.id);
    expect(stored.attempts).toBe(1);
    expect((await readStored(store.storage, stored.storageKey!))!.equals(metaBytes)).toBe(true);
  });

  it("never stores bytes whose sha256 does not match Meta's: retried, then unavailable", async () => {
    const { media } = await receive({ type: "image" }, { downloads: false });
    emulator.setFaults({ mediaCorruptRate: 1 });
    const counting = countingStorage(store.storage);
    let now = Date.now();
    for (let run = 0; run < MAX_DOWNLOAD_ATTEMPTS; run++) {
      now += 6 * 60 * MINUTE;
      await downloadMedia(media.id, { now: () => new Date(now), sleep: noWait, storage: counting });
    }
    const row = await mediaRow(media.id);
    expect(row).toMatchObject({ status: "unavailable", attempts: MAX_DOWNLOAD_ATTEMPTS, storageKey: null, thumbnailKey: null });
    expect(row.error).toMatch(/^checksum mismatch/);
    expect(counting.puts).toEqual([]);
    expect(await store.storage.head(`w/${tenant.workspace.id}/media/${media.id}/original.jpg`)).toBeNull();
  });

  it("refuses a file over Meta's limit at once: unavailable, nothing stored", async () => {
    const oversized = Buffer.alloc(5 * 1024 * 1024 + 1, 0xab);
    const counting = countingStorage(store.storage);
    at.storage = counting;
    enableMediaDownloads(true, { waitInHook: true });
    const sent = await emulator.sendAsCustomer({
      from: CUSTOMER,
      phoneNumberId: number.phoneNumberId,
      type: "image",
      mediaBase64: oversized.toString("base64"),
      mimeType: "image/jpeg",
    });
    await drainAfter();
    const row = await prisma.media.findFirstOrThrow({ where: { message: { wamid: sent.wamid } } });
    expect(row).toMatchObject({ status: "unavailable", attempts: 1, storageKey: null });
    expect(row.error).toMatch(/^too large: 5242881 bytes, the limit is 5 MB/);
    expect(counting.puts).toEqual([]);
  });

  it("finishes media left pending by a crash: after the event committed, and mid-download", async () => {
    // The process died right after the event's transaction: its hook never ran.
    const first = await receive({ type: "document" }, { downloads: false });
    // Another died holding its claim (lease), mid-download.
    const second = await receive({ type: "image" }, { downloads: false });
    const now = Date.now();
    expect(await claimMedia(second.media.id, new Date(now))).toBe(true);

    // "Restart": a fresh sweep. The abandoned claim waits out its lease; the other goes now.
    at.storage = store.storage;
    const soon = await downloadPendingMedia({ now: () => new Date(now + MINUTE), freshMs: 0 });
    expect(soon).toMatchObject({ stored: 1 });
    expect(await mediaRow(first.media.id)).toMatchObject({ status: "stored" });
    expect(await mediaRow(second.media.id)).toMatchObject({ status: "pending", attempts: 1 });

    const later = await downloadPendingMedia({ now: () => new Date(now + LEASE_MS + MINUTE), freshMs: 0 });
    expect(later).toMatchObject({ stored: 1 });
    const row = await mediaRow(second.media.id);
    expect(row).toMatchObject({ status: "stored", attempts: 2 });
    expect((await readStored(store.storage, row.storageKey!))!.equals(second.metaBytes)).toBe(true);
  });

  it("downloads when the webhook sweep recovers an event whose after() work was lost", async () => {
    at.storage = store.storage;
    enableMediaDownloads(true, { waitInHook: true });
    const sent = await emulator.sendAsCustomer({ from: CUSTOMER, phoneNumberId: number.phoneNumberId, type: "sticker" });
    expect(discardAfter()).toBe(1); // the 200 went out, then the process died
    expect(await prisma.message.count({ where: { wamid: sent.wamid } })).toBe(0);
    await processPendingWebhookEvents({ olderThanMs: 0 });
    const media = await prisma.media.findFirstOrThrow({ where: { message: { wamid: sent.wamid } } });
    expect(media.status).toBe("stored");
    expect((await readStored(store.storage, media.storageKey!))!.equals(emulator.mediaBytes(sent.mediaId!)!)).toBe(true);
  });

  it("still serves stored media byte for byte after the emulator restarts with its memory wiped", async () => {
    const kept = await receive({ type: "image" });
    const row = await mediaRow(kept.media.id);
    expect(row.status).toBe("stored");
    const original = Buffer.from(kept.metaBytes);

    const restarted = await startEmulator([number]); // a fresh emulator: Meta has forgotten the media
    try {
      at.graphUrl = restarted.url;
      expect(restarted.mediaBytes(kept.sent.mediaId!)).toBeUndefined();
      // Nothing asks Meta again: the row is stored, a retry answers from the database.
      expect(await retryMediaDownload(tenant.owner.ctx, row.id)).toMatchObject({ status: "stored", hasThumbnail: true });
      expect((await readStored(store.storage, row.storageKey!))!.equals(original)).toBe(true);
      const { serveMedia } = await import("../serve-media");
      const served = await serveMedia(tenant.agent.userId, row.id);
      if (served.kind === "stream") {
        const chunks: Buffer[] = [];
        for await (const chunk of served.object.stream) chunks.push(Buffer.from(chunk as Uint8Array));
        expect(Buffer.concat(chunks).equals(original)).toBe(true);
      } else {
        const response = await fetch(served.url);
        expect(Buffer.from(await response.arrayBuffer()).equals(original)).toBe(true);
      }
    } finally {
      at.graphUrl = emulator.url;
      await restarted.stop();
    }
  });
});

describe("permanent failures", () => {
  it("stops at once when Meta has no such media (100/33)", async () => {
    const store = await startStorage("disk");
    try {
      at.storage = store.storage;
      const number = emulatorNumber("Gone");
      const gone = await startEmulator([number]);
      at.graphUrl = gone.url;
      try {
        const tenant = await connectedTenant("G", number);
        const media = await prisma.media.create({
          data: {
            workspaceId: tenant.workspace.id,
            messageId: tenant.messages[0]!.id,
            metaMediaId: "1234567890123456",
            mimeType: "image/jpeg",
          },
        });
        expect(await downloadMedia(media.id, { sleep: noWait })).toBe("unavailable");
        const row = await prisma.media.findUniqueOrThrow({ where: { id: media.id } });
        expect(row).toMatchObject({ status: "unavailable", attempts: 1 });
        expect(row.error).toMatch(/^Meta has no such media \(#100\)/);
        // A retry asks Meta again, and stops again.
        expect(await retryMediaDownload(tenant.owner.ctx, media.id, { sleep: noWait })).toMatchObject({ status: "unavailable" });
      } finally {
        at.graphUrl = emulator.url;
        await gone.stop();
      }
    } finally {
      await store.stop();
    }
  });

  it("leaves a media unavailable when its workspace has no connection", async () => {
    const tenant = await connectedTenant("N", emulatorNumber("None"));
    await prisma.whatsappConnection.deleteMany({ where: { workspaceId: tenant.workspace.id } });
    const media = await prisma.media.create({
      data: { workspaceId: tenant.workspace.id, metaMediaId: "1234567890123456", mimeType: "image/jpeg" },
    });
    expect(await downloadMedia(media.id)).toBe("unavailable");
    expect((await prisma.media.findUniqueOrThrow({ where: { id: media.id } })).error).toMatch(/no WhatsApp connection/);
  });
});
