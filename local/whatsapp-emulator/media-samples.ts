/**
 * Small, valid sample files for the media customers "send": an 8×8 JPEG and WebP, a one-second
 * silent Ogg Opus voice note, a one-page PDF and a stub MP4. Deterministic, generated in memory.
 */

/** 8×8 green JPEG (baseline), 269 bytes. */
const JPEG = Buffer.from(
  "/9j/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAIAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAT/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAABAb/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCoANNP/9k=",
  "base64",
);

/** 8×8 green lossless WebP, 38 bytes (a sticker). */
const WEBP = Buffer.from("UklGRh4AAABXRUJQVlA4TBEAAAAvB8ABAAfQ6ZbUrP+BiOh/AAA=", "base64");

export interface SampleMedia {
  bytes: Buffer;
  mimeType: string;
  filename?: string;
}

export type SampleKind = "image" | "video" | "audio" | "voice" | "document" | "sticker";

export function sampleMedia(kind: SampleKind): SampleMedia {
  switch (kind) {
    case "image":
      return { bytes: JPEG, mimeType: "image/jpeg" };
    case "sticker":
      return { bytes: WEBP, mimeType: "image/webp" };
    case "audio":
      return { bytes: oggOpus(), mimeType: "audio/ogg" };
    case "voice":
      return { bytes: oggOpus(), mimeType: "audio/ogg; codecs=opus" };
    case "document":
      return { bytes: pdf("Parley WhatsApp emulator"), mimeType: "application/pdf", filename: "document.pdf" };
    case "video":
      return { bytes: mp4Stub(), mimeType: "video/mp4" };
  }
}

// --- Ogg Opus (RFC 7845): OpusHead page, OpusTags page, one page of 50 silent 20 ms packets ---

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let r = i << 24;
    for (let j = 0; j < 8; j++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
    table[i] = r >>> 0;
  }
  return table;
})();

/** Ogg's CRC-32 (polynomial 0x04C11DB7, not reflected, no final xor). */
export function oggCrc(bytes: Buffer): number {
  let crc = 0;
  for (const byte of bytes) crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ byte) & 0xff]!) >>> 0;
  return crc;
}

function oggPage(packets: Buffer[], flags: number, granule: bigint, sequence: number): Buffer {
  const segments: number[] = [];
  for (const packet of packets) {
    let left = packet.length;
    while (left >= 255) {
      segments.push(255);
      left -= 255;
    }
    segments.push(left);
  }
  const header = Buffer.alloc(27);
  header.write("OggS", 0, "ascii");
  header[4] = 0;
  header[5] = flags;
  header.writeBigInt64LE(granule, 6);
  header.writeUInt32LE(0x5041524c, 14); // serial "PARL"
  header.writeUInt32LE(sequence, 18);
  header.writeUInt32LE(0, 22);
  header[26] = segments.length;
  const page = Buffer.concat([header, Buffer.from(segments), ...packets]);
  page.writeUInt32LE(oggCrc(page), 22);
  return page;
}

let oggCache: Buffer | undefined;

function oggOpus(): Buffer {
  if (oggCache) return oggCache;
  const head = Buffer.alloc(19);
  head.write("OpusHead", 0, "ascii");
  head[8] = 1; // version
  head[9] = 1; // mono
  head.writeUInt16LE(312, 10); // pre-skip
  head.writeUInt32LE(48000, 12); // input sample rate
  head.writeInt16LE(0, 16); // gain
  head[18] = 0; // mapping family
  const vendor = Buffer.from("parley-whatsapp-emulator", "ascii");
  const tags = Buffer.alloc(8 + 4 + vendor.length + 4);
  tags.write("OpusTags", 0, "ascii");
  tags.writeUInt32LE(vendor.length, 8);
  vendor.copy(tags, 12);
  tags.writeUInt32LE(0, 12 + vendor.length);
  // TOC 0xF8: CELT fullband 20 ms, mono, one frame; 0xFF 0xFE: libopus's silent frame.
  const silence = Array.from({ length: 50 }, () => Buffer.from([0xf8, 0xff, 0xfe]));
  oggCache = Buffer.concat([oggPage([head], 0x02, 0n, 0), oggPage([tags], 0x00, 0n, 1), oggPage(silence, 0x04, BigInt(50 * 960), 2)]);
  return oggCache;
}

// --- PDF: one page, one line of Helvetica, a correct xref table ---

export function pdf(line: string): Buffer {
  const text = line.replace(/[()\\]/g, "");
  const stream = `BT /F1 14 Tf 20 40 Td (${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

// --- MP4: an ftyp box and a free box (enough to be recognised; not playable) ---

function mp4Stub(): Buffer {
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write("ftypisom", 4, "ascii");
  ftyp.writeUInt32BE(0x200, 12);
  ftyp.write("isommp41", 16, "ascii");
  const note = Buffer.from("parley whatsapp emulator sample video", "ascii");
  const free = Buffer.alloc(8);
  free.writeUInt32BE(8 + note.length, 0);
  free.write("free", 4, "ascii");
  return Buffer.concat([ftyp, free, note]);
}
