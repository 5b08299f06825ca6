/**
 * An agent's attachment: sniffed (never trusting the browser's type), converted when Meta would
 * refuse the picture, checked against Meta's limits, stored in our storage and uploaded to Meta
 * (the emulator) — or refused with a clear error that leaves nothing behind.
 */
import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import type * as StorageModule from "@/lib/storage";
import type { Storage } from "@/lib/storage";
import { sampleMedia } from "@/local/whatsapp-emulator/media-samples";
import type { RunningEmulator } from "@/local/whatsapp-emulator";
import type { Tenant } from "@/test/fixtures/tenants";
import { rejection } from "@/test/tenant-isolation/helpers";
import {
  connectedTenant,
  countingStorage,
  emulatorNumber,
  readStored,
  startEmulator,
  startStorage,
  type TestStorage,
} from "@/test/media/harness";
import { downloadPendingMedia } from "../inbound/sweep";
import { LEASE_MS } from "../inbound/claim";
import { prepareOutboundMedia } from "./prepare-outbound-media";

const at = vi.hoisted(() => ({ graphUrl: "", storage: undefined as Storage | undefined }));
vi.mock("@/lib/whatsapp/config", () => ({ graphApiBaseUrl: () => at.graphUrl, graphApiVersion: () => "v23.0" }));
vi.mock("@/lib/storage", async (importOriginal) => ({
  ...(await importOriginal<typeof StorageModule>()),
  getStorage: () => at.storage,
}));

const MB = 1024 * 1024;
const number = emulatorNumber("Out");
let emulator: RunningEmulator;
let store: TestStorage;
let tenant: Tenant;

beforeAll(async () => {
  emulator = await startEmulator([number]);
  at.graphUrl = emulator.url;
  store = await startStorage("disk");
  at.storage = store.storage;
  tenant = await connectedTenant("O", number);
});
afterAll(async () => {
  await emulator.stop();
  await store.stop();
});

const picture = (format: "png" | "webp" | "gif" | "tiff" | "avif" | "jpeg", width = 64, height = 48) =>
  sharp({ create: { width, height, channels: 4, background: { r: 20, g: 120, b: 200, alpha: 0.6 } } })
    [format]()
    .toBuffer();

async function mediaCount() {
  return prisma.media.count({ where: { workspaceId: tenant.workspace.id } });
}

/** Asserts that a refused attachment left no row, no stored file and no upload behind. */
async function expectNothingLeft(act: () => Promise<unknown>) {
  const rows = await mediaCount();
  const uploads = emulator.media().length;
  const counting = countingStorage(store.storage);
  at.storage = counting;
  try {
    await act();
  } finally {
    at.storage = store.storage;
  }
  expect(await mediaCount()).toBe(rows);
  expect(emulator.media().length).toBe(uploads);
  expect(counting.puts).toEqual([]);
}

describe("prepareOutboundMedia", () => {
  it("stores a JPEG as sent, makes its thumbnail and uploads it to Meta", async () => {
    const bytes = await picture("jpeg", 800, 600);
    const prepared = await prepareOutboundMedia(tenant.agent.ctx, { bytes, filename: "IMG_0042.JPG", mimeType: "image/jpeg" });
    expect(prepared).toMatchObject({
      direction: "outbound",
      status: "stored",
      mimeType: "image/jpeg",
      kind: "image",
      converted: false,
      filename: "IMG_0042.jpg",
    });
    const row = await prisma.media.findUniqueOrThrow({ where: { id: prepared.id } });
    expect(row).toMatchObject({
      workspaceId: tenant.workspace.id,
      direction: "outbound",
      status: "stored",
      metaMediaId: prepared.metaMediaId,
      storageKey: `w/${tenant.workspace.id}/media/${prepared.id}/original.jpg`,
      thumbnailKey: `w/${tenant.workspace.id}/media/${prepared.id}/thumbnail.webp`,
      fileSize: bytes.length,
      nextAttemptAt: null,
    });
    expect((await readStored(store.storage, row.storageKey!))!.equals(bytes)).toBe(true);
    expect(emulator.mediaBytes(prepared.metaMediaId)!.equals(bytes)).toBe(true);
    expect(emulator.media().find((media) => media.id === prepared.metaMediaId)).toMatchObject({
      mimeType: "image/jpeg",
      filename: "IMG_0042.jpg",
    });
  });

  it.each(["webp", "gif", "tiff", "avif"] as const)("converts a %s picture to JPEG: stored and uploaded as JPEG", async (format) => {
    const bytes = await picture(format);
    const prepared = await prepareOutboundMedia(tenant.agent.ctx, {
      bytes,
      filename: `sticker-like.${format}`,
      mimeType: `image/${format}`,
    });
    expect(prepared).toMatchObject({ mimeType: "image/jpeg", kind: "image", converted: true, filename: "sticker-like.jpg" });
    const stored = (await readStored(store.storage, prepared.storageKey))!;
    expect(stored.subarray(0, 3).toString("hex")).toBe("ffd8ff");
    expect(await sharp(stored).metadata()).toMatchObject({ format: "jpeg", width: 64, height: 48 });
    expect(await store.storage.head(prepared.storageKey)).toMatchObject({ contentType: "image/jpeg" });
    expect(emulator.media().find((media) => media.id === prepared.metaMediaId)).toMatchObject({ mimeType: "image/jpeg" });
    expect(emulator.mediaBytes(prepared.metaMediaId)!.equals(stored)).toBe(true);
  });

  it("believes the bytes, not the browser: a PNG sent as a PDF is a PNG, a PDF sent as a JPEG is a document", async () => {
    const png = await picture("png");
    const asPdf = await prepareOutboundMedia(tenant.agent.ctx, { bytes: png, filename: "scan.pdf", mimeType: "application/pdf" });
    expect(asPdf).toMatchObject({ mimeType: "image/png", kind: "image", filename: "scan.png" });
    expect(emulator.media().find((media) => media.id === asPdf.metaMediaId)).toMatchObject({ mimeType: "image/png" });

    const pdf = sampleMedia("document").bytes;
    const asJpeg = await prepareOutboundMedia(tenant.agent.ctx, { bytes: pdf, filename: "photo.jpg", mimeType: "image/jpeg" });
    expect(asJpeg).toMatchObject({ mimeType: "application/pdf", kind: "document", filename: "photo.pdf", thumbnailKey: null });
  });

  it("takes a stream, and audio, video and documents as they are", async () => {
    const voice = sampleMedia("voice").bytes;
    const fromStream = await prepareOutboundMedia(tenant.owner.ctx, {
      stream: Readable.from([voice.subarray(0, 10), voice.subarray(10)]),
      filename: "note.ogg",
    });
    expect(fromStream).toMatchObject({ mimeType: "audio/ogg", kind: "audio", fileSize: voice.length });
    expect((await readStored(store.storage, fromStream.storageKey))!.equals(voice)).toBe(true);

    const video = sampleMedia("video").bytes;
    const webStream = new Blob([new Uint8Array(video)]).stream();
    expect(await prepareOutboundMedia(tenant.owner.ctx, { stream: webStream, filename: "clip.mp4", mimeType: "video/mp4" })).toMatchObject({
      mimeType: "video/mp4",
      kind: "video",
    });
    expect(await prepareOutboundMedia(tenant.owner.ctx, { bytes: Buffer.from("Daftar harga\n"), filename: "harga.txt" })).toMatchObject({
      mimeType: "text/plain",
      kind: "document",
    });
  });

  it.each([
    ["an image over 5 MB", () => Buffer.concat([Buffer.from("ffd8ffe000104a464946", "hex"), Buffer.alloc(5 * MB)]), "image/jpeg", "5 MB"],
    ["a video over 16 MB", () => Buffer.concat([sampleMedia("video").bytes, Buffer.alloc(16 * MB)]), "video/mp4", "16 MB"],
  ])("refuses %s: mediaTooLarge {max}", async (_name, make, mimeType, max) => {
    const bytes = make();
    await expectNothingLeft(async () => {
      expect(await rejection(prepareOutboundMedia(tenant.agent.ctx, { bytes, filename: "big", mimeType }))).toMatchObject({
        code: "payload_too_large",
        messageKey: "mediaTooLarge",
        params: { max },
        field: "file",
      });
    });
  });

  it("refuses a real picture over 5 MB, and stops reading a stream past 100 MB", async () => {
    const noisy = await sharp(randomBytes(1800 * 1800 * 3), { raw: { width: 1800, height: 1800, channels: 3 } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(noisy.length).toBeGreaterThan(5 * MB);
    await expectNothingLeft(async () => {
      expect(await rejection(prepareOutboundMedia(tenant.agent.ctx, { bytes: noisy, filename: "screen.png" }))).toMatchObject({
        messageKey: "mediaTooLarge",
        params: { max: "5 MB" },
      });
    });

    let produced = 0;
    const endless = new Readable({
      read() {
        produced += MB;
        this.push(produced > 200 * MB ? null : Buffer.alloc(MB));
      },
    });
    await expectNothingLeft(async () => {
      expect(await rejection(prepareOutboundMedia(tenant.agent.ctx, { stream: endless, filename: "huge.bin" }))).toMatchObject({
        messageKey: "mediaTooLarge",
        params: { max: "100 MB" },
      });
    });
    expect(produced).toBeLessThan(110 * MB);
  });

  it.each([
    ["a program named like a photo", Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), "image/jpeg", "application/x-executable"],
    ["a ZIP archive", Buffer.concat([Buffer.from("504b0304", "hex"), Buffer.alloc(40)]), "application/pdf", "application/zip"],
    ["an HTML page sent as text", Buffer.from("<html><script>alert(1)</script></html>"), "text/plain", "text/html"],
    ["a BMP (sharp cannot read it)", bmp(), "image/bmp", "image/bmp"],
    ["an HEVC HEIC photo (sharp's libvips has no HEVC decoder)", heic(), "image/heic", "image/heic"],
    [
      "Ogg Vorbis (Meta wants Opus)",
      Buffer.concat([Buffer.from("OggS"), Buffer.alloc(24), Buffer.from("\x01vorbis", "latin1")]),
      "audio/ogg",
      "audio/ogg",
    ],
    ["bytes of no known kind", Buffer.from([0x00, 0x01, 0x02, 0x03, 0xfe]), "image/png", "image/png"],
  ])("refuses %s: mediaTypeNotSupported {type}", async (_name, bytes, claimed, type) => {
    await expectNothingLeft(async () => {
      expect(await rejection(prepareOutboundMedia(tenant.agent.ctx, { bytes, filename: "file", mimeType: claimed }))).toMatchObject({
        code: "invalid",
        messageKey: "mediaTypeNotSupported",
        params: { type },
        field: "file",
      });
    });
  });

  it("refuses an empty file and a damaged picture", async () => {
    await expectNothingLeft(async () => {
      expect(await rejection(prepareOutboundMedia(tenant.agent.ctx, { bytes: Buffer.alloc(0), filename: "empty.pdf" }))).toMatchObject({
        messageKey: "mediaEmpty",
      });
      const damaged = Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), Buffer.alloc(100, 7)]);
      expect(await rejection(prepareOutboundMedia(tenant.agent.ctx, { bytes: damaged, filename: "x.png" }))).toMatchObject({
        messageKey: "mediaUnreadable",
      });
    });
  });

  it("cleans up after Meta refuses or fails the upload", async () => {
    const bytes = await picture("png");
    emulator.setFaults({ random5xxRate: 1 });
    try {
      await expectNothingLeftButPuts(async () => {
        expect(await rejection(prepareOutboundMedia(tenant.agent.ctx, { bytes, filename: "a.png" }))).toMatchObject({
          messageKey: "mediaUploadFailed",
        });
      });
    } finally {
      emulator.setFaults({});
    }
  });

  it("needs a WhatsApp connection to upload to", async () => {
    const bytes = await picture("png");
    const unconnected = await connectedTenant("U", emulatorNumber("Unused"));
    await prisma.whatsappConnection.deleteMany({ where: { workspaceId: unconnected.workspace.id } });
    expect(await rejection(prepareOutboundMedia(unconnected.owner.ctx, { bytes, filename: "a.png" }))).toMatchObject({
      messageKey: "notConnected",
    });
    expect(await prisma.media.count({ where: { workspaceId: unconnected.workspace.id } })).toBe(0);
  });

  it("a preparation that died midway is settled by the sweep: unavailable, its bytes removed", async () => {
    const bytes = await picture("png");
    const counting = countingStorage(store.storage);
    // Simulate the crash: the row and the stored bytes exist, the upload never happened.
    const row = await prisma.media.create({
      data: {
        workspaceId: tenant.workspace.id,
        direction: "outbound",
        status: "pending",
        mimeType: "image/png",
        nextAttemptAt: new Date(Date.now() + LEASE_MS),
      },
    });
    const key = `w/${tenant.workspace.id}/media/${row.id}/original.png`;
    await store.storage.put(key, bytes, { contentType: "image/png" });
    expect(await downloadPendingMedia({ now: () => new Date(Date.now() + 60_000), storage: counting })).toMatchObject({ due: 0 });
    expect(await downloadPendingMedia({ now: () => new Date(Date.now() + LEASE_MS + 60_000), storage: counting })).toMatchObject({
      unavailable: 1,
    });
    const settled = await prisma.media.findUniqueOrThrow({ where: { id: row.id } });
    expect(settled).toMatchObject({ status: "unavailable", storageKey: null });
    expect(settled.error).toMatch(/interrupted while it was being prepared/);
    expect(await store.storage.head(key)).toBeNull();
  });
});

/** Like expectNothingLeft, for failures after the bytes were stored: whatever was put is deleted again. */
async function expectNothingLeftButPuts(act: () => Promise<unknown>) {
  const rows = await mediaCount();
  const counting = countingStorage(store.storage);
  at.storage = counting;
  try {
    await act();
  } finally {
    at.storage = store.storage;
  }
  expect(await mediaCount()).toBe(rows);
  for (const key of counting.puts) expect(await store.storage.head(key)).toBeNull();
}

/** A 2×2 24-bit BMP. */
function bmp(): Buffer {
  const rowBytes = 8;
  const size = 54 + rowBytes * 2;
  const bytes = Buffer.alloc(size);
  bytes.write("BM", 0, "latin1");
  bytes.writeUInt32LE(size, 2);
  bytes.writeUInt32LE(54, 10);
  bytes.writeUInt32LE(40, 14);
  bytes.writeInt32LE(2, 18);
  bytes.writeInt32LE(2, 22);
  bytes.writeUInt16LE(1, 26);
  bytes.writeUInt16LE(24, 28);
  bytes.writeUInt32LE(rowBytes * 2, 34);
  return bytes;
}

/** The start of an iPhone HEIC file (ftyp heic): enough for the sniffer, not for a decoder. */
function heic(): Buffer {
  const box = Buffer.alloc(24);
  box.writeUInt32BE(24, 0);
  box.write("ftypheic", 4, "latin1");
  box.write("\0\0\0\0mif1heic", 12, "latin1");
  return Buffer.concat([box, Buffer.alloc(64)]);
}
