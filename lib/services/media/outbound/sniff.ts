/**
 * The real type of a file, from its first bytes (magic numbers), never from what the browser
 * claimed. The claim (and the file name) only choose between types one container cannot tell
 * apart by its header: audio or video in MP4, and the three legacy Office formats in OLE.
 * Returns a MIME type, possibly one Meta does not take (the caller decides), or null when the
 * bytes match nothing we know.
 */
import { baseMimeType } from "@/lib/whatsapp/media/limits";

const ascii = (bytes: Buffer, start: number, end: number) => bytes.toString("latin1", start, Math.min(end, bytes.length));
const startsWith = (bytes: Buffer, ...signature: number[]) => signature.every((byte, index) => bytes[index] === byte);

const HEIF_BRANDS = new Set(["heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "msf1"]);
const AVIF_BRANDS = new Set(["avif", "avis"]);
const AUDIO_MP4_BRANDS = new Set(["M4A ", "M4B ", "M4P "]);
const VIDEO_MP4_BRANDS = new Set(["isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "mmp4", "dash", "f4v ", "MSNV"]);
const OLE_TYPES: Record<string, string> = {
  doc: "application/msword",
  xls: "application/vnd.ms-excel",
  ppt: "application/vnd.ms-powerpoint",
};

export interface SniffHints {
  /** What the browser said; only breaks ties inside one container. */
  claimedType?: string | null;
  filename?: string | null;
}

export function sniffMediaType(bytes: Buffer, hints: SniffHints = {}): string | null {
  if (bytes.length === 0) return null;
  const claimed = hints.claimedType ? baseMimeType(hints.claimedType) : "";
  const extension = (hints.filename ?? "").toLowerCase().match(/\.([a-z0-9]{1,8})$/)?.[1] ?? "";

  if (startsWith(bytes, 0xff, 0xd8, 0xff)) return "image/jpeg";
  if (startsWith(bytes, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (ascii(bytes, 0, 6) === "GIF87a" || ascii(bytes, 0, 6) === "GIF89a") return "image/gif";
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return "image/webp";
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WAVE") return "audio/wav";
  if (startsWith(bytes, 0x49, 0x49, 0x2a, 0x00) || startsWith(bytes, 0x4d, 0x4d, 0x00, 0x2a)) return "image/tiff";
  if (ascii(bytes, 0, 2) === "BM" && bytes.length > 18 && [12, 40, 52, 56, 108, 124].includes(bytes.readUInt32LE(14))) return "image/bmp";
  if (ascii(bytes, 4, 8) === "ftyp") return isoMediaType(bytes, claimed);
  if (ascii(bytes, 0, 4) === "OggS") return /OpusHead/.test(ascii(bytes, 0, 128)) ? "audio/ogg" : "audio/ogg; codecs=vorbis";
  if (ascii(bytes, 0, 3) === "ID3") return "audio/mpeg";
  if (ascii(bytes, 0, 5) === "#!AMR") return "audio/amr";
  if (bytes[0] === 0xff && bytes.length > 1) {
    const second = bytes[1]!;
    if ((second & 0xf6) === 0xf0) return "audio/aac"; // ADTS: sync 0xFFF, layer 00
    if ((second & 0xe0) === 0xe0 && (second & 0x06) !== 0) return "audio/mpeg"; // MPEG audio frame
  }
  if (ascii(bytes, 0, 5) === "%PDF-") return "application/pdf";
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) return officeOpenXmlType(bytes);
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
    const byClaim = Object.values(OLE_TYPES).find((type) => type === claimed);
    return byClaim ?? OLE_TYPES[extension] ?? "application/x-ole-storage";
  }
  if (ascii(bytes, 0, 2) === "MZ" || ascii(bytes, 1, 4) === "ELF") return "application/x-executable";
  if (looksLikeText(bytes)) return /^\s*<(?:!doctype\s+html|html|svg|\?xml)/i.test(ascii(bytes, 0, 256)) ? "text/html" : "text/plain";
  return null;
}

/** ISO base media (MP4, 3GP, HEIF, AVIF): the major brand, then the compatible ones. */
function isoMediaType(bytes: Buffer, claimed: string): string {
  const boxSize = bytes.length >= 4 ? bytes.readUInt32BE(0) : 0;
  const brands = [ascii(bytes, 8, 12)];
  for (let offset = 16; offset + 4 <= Math.min(boxSize, 64, bytes.length); offset += 4) brands.push(ascii(bytes, offset, offset + 4));
  const major = brands[0] ?? "";
  if (AVIF_BRANDS.has(major) || (major === "mif1" && brands.some((brand) => AVIF_BRANDS.has(brand)))) return "image/avif";
  if (HEIF_BRANDS.has(major)) return "image/heic";
  if (major.startsWith("3g")) return "video/3gpp";
  if (AUDIO_MP4_BRANDS.has(major)) return "audio/mp4";
  if (major === "qt  ") return "video/quicktime";
  if (VIDEO_MP4_BRANDS.has(major) || brands.some((brand) => VIDEO_MP4_BRANDS.has(brand))) {
    return claimed === "audio/mp4" ? "audio/mp4" : "video/mp4";
  }
  return "application/octet-stream";
}

/** A ZIP is a Word, Excel or PowerPoint file when it holds that format's part folder. */
function officeOpenXmlType(bytes: Buffer): string {
  const has = (name: string) => bytes.includes(name, 0, "latin1");
  if (!has("[Content_Types].xml")) return "application/zip";
  if (has("word/")) return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  if (has("xl/")) return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  if (has("ppt/")) return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
  return "application/zip";
}

/** UTF-8 text without NULs or binary control characters (checked on the first 64 KB). */
function looksLikeText(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 65_536);
  for (const byte of sample) {
    if (byte === 0 || (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c)) return false;
  }
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(sample.length === bytes.length ? sample : trimPartialUtf8(sample));
    return true;
  } catch {
    return false;
  }
}

/** Drops a multi-byte character cut at the end of a sample. */
function trimPartialUtf8(sample: Buffer): Buffer {
  let end = sample.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = sample[end - back]!;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte
    if (byte >= 0xc0) end -= back; // a lead byte whose sequence may be cut
    break;
  }
  return sample.subarray(0, end);
}
